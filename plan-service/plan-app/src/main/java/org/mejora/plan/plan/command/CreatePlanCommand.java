package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.plan.api.IndividualPlanLink;
import org.mejora.plan.api.PlanKind;

import java.time.LocalDate;

/**
 * @param individual the servant, evaluation and cycle of an INDIVIDUAL plan; null for institutional plans
 * @param separationOfDutiesRelaxed one person may sign elaboration, review and approval (decided by the ADMIN)
 */
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
        IndividualPlanLink individual,
        boolean separationOfDutiesRelaxed) {

    /** A plan under the rule of three different signers. */
    public CreatePlanCommand(String planId, String institutionId, PlanKind kind, String title, String institutionName,
                             String auditedProcess, String procedures, String responsible, LocalDate subscriptionDate,
                             String formatCode, String formatVersion, String period, IndividualPlanLink individual) {
        this(planId, institutionId, kind, title, institutionName, auditedProcess, procedures, responsible,
                subscriptionDate, formatCode, formatVersion, period, individual, false);
    }
}
