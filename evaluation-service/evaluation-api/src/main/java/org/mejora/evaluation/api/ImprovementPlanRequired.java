package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/**
 * HR consolidated the year and the servant's final result is under the cycle's threshold: an individual improvement
 * plan (plan de mejoramiento individual, P-TH-10 steps 18-20) is required. plan-service opens exactly one per
 * evaluation, however often this event is delivered.
 *
 * @param ratingLevel the level of the cycle's rating scale the final score falls in, e.g. "No satisfactorio"
 * @param threshold   the score under which the cycle requires a plan
 */
@Revision("1")
public record ImprovementPlanRequired(
        String evaluationId,
        String cycleId,
        String institutionId,
        int year,
        String servantId,
        String servantName,
        String supervisorId,
        String supervisorName,
        BigDecimal finalScore,
        String ratingLevel,
        BigDecimal threshold) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
