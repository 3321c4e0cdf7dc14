package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.plan.api.IndividualPlanLink;
import org.mejora.plan.api.PlanKind;

import java.time.LocalDate;

/** @param individual the servant, evaluation and cycle of an INDIVIDUAL plan; null for institutional plans */
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
        String period,
        IndividualPlanLink individual) {
}
