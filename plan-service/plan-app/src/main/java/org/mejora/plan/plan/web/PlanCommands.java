package org.mejora.plan.plan.web;

import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.plan.query.PlanQueries;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.envelope.axon.CommandSender;
import org.mejora.plan.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Sends a command about one plan after checking who may, and answers 204 with the plan's new version as ETag. */
@Component
class PlanCommands {

    private final CommandSender commands;
    private final PlanQueries queries;
    private final PlanAccess access;

    PlanCommands(CommandSender commands, PlanQueries queries, PlanAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    ResponseEntity<Void> send(String planId, VerifiedUser user, PlanAccess.Duty duty, String ifMatch,
                              CommandFactory factory) {
        PlanView plan = access.header(planId, user, duty);
        Role role = access.actingAs(plan, user, duty);
        commands.send(factory.command(Versions.expected(ifMatch), role), user, role);
        long version = queries.header(planId).map(p -> p.version).orElse(plan.version);
        return ResponseEntity.noContent().eTag(Versions.etag(version)).build();
    }

    /** The command to send, given the If-Match version (null without one) and the role the user acts in. */
    @FunctionalInterface
    interface CommandFactory {
        Object command(Long expectedVersion, Role actingAs);
    }
}
