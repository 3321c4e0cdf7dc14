package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/**
 * A servant's evaluation opened in a cycle, with the terms of the cycle it is scored by, so that the evaluation keeps
 * every rule of its own steps.
 *
 * @param threshold the score under which an individual improvement plan is required (the threshold level's minimum)
 */
@Revision("1")
public record EvaluationOpened(
        String evaluationId,
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
        List<String> competencies) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
