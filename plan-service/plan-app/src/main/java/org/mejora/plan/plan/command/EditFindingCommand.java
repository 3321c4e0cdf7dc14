package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.mejora.plan.api.FindingSource;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record EditFindingCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String findingId,
        String number,
        String description,
        FindingSource source,
        String improvementArea) {
}
