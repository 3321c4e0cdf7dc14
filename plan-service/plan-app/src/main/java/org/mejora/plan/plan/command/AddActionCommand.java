package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.mejora.plan.api.ActionDetails;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record AddActionCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String findingId,
        String actionId,
        ActionDetails details) {
}
