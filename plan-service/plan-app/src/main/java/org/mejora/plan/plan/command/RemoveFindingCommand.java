package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record RemoveFindingCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String findingId) {
}
