package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Sets who is responsible for an action, by user id. Null {@code expectedVersion} skips the optimistic check. */
public record AssignActionResponsiblesCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String actionId,
        List<String> userIds) {
}
