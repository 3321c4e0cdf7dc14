package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/**
 * HR consolidated the servant's result into the year's results (step 16): the accepted one, or, when the servant
 * did not accept it, the last rated one with the servant's disagreement and HR's reason for consolidating it
 * (both null when accepted, and in events written before they existed).
 */
@Revision("1")
public record EvaluationConsolidated(String evaluationId, String cycleId, int year, String servantId,
                                     Score result, String servantDisagreement, String reason)
        implements EvaluationEvent {

    /** An accepted result. */
    public EvaluationConsolidated(String evaluationId, String cycleId, int year, String servantId, Score result) {
        this(evaluationId, cycleId, year, servantId, result, null, null);
    }

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
