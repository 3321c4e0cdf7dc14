package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record MarkActionImplementedCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String actionId,
        String evidence,
        String comment,
        LocalDate implementedOn) {
}
