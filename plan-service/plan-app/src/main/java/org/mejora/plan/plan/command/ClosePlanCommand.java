package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.mejora.plan.api.Signature;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record ClosePlanCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        Signature closedBy) {
}
