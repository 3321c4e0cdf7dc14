package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** HR consolidated the servant's accepted result into the year's results (step 16). */
@Revision("1")
public record EvaluationConsolidated(String evaluationId, String cycleId, int year, String servantId,
                                     Score result) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
