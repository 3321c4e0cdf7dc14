package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.plan.api.PlanKind;

import java.time.LocalDate;

public record CreatePlanCommand(
        @TargetAggregateIdentifier String planId,
        String institutionId,
        PlanKind kind,
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
