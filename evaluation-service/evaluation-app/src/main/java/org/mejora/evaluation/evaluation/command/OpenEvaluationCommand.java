package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.RatingLevel;

import java.math.BigDecimal;
import java.util.List;

/** Opens a servant's evaluation with the cycle's terms; sent for an assignment, harmless when sent again. */
public record OpenEvaluationCommand(
        @TargetAggregateIdentifier String evaluationId,
        String cycleId,
        String institutionId,
        int year,
        String servantId,
        String servantName,
        String supervisorId,
        String supervisorName,
        List<RatingLevel> scale,
        BigDecimal goalsWeight,
        BigDecimal competenciesWeight,
        String thresholdLevel,
        BigDecimal threshold,
        List<String> competencies) {
}
