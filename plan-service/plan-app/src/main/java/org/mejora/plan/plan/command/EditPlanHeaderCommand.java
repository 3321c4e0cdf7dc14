package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record EditPlanHeaderCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String title,
        String institutionName,
        String auditedProcess,
        String procedures,
        String responsible,
        LocalDate subscriptionDate,
        String formatCode,
        String formatVersion,
        String period) {
}
