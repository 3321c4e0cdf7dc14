package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The servant accepted the final result (step 15): the evaluation is complete and awaits HR's consolidation. */
@Revision("1")
public record FinalResultAccepted(String evaluationId, Score result) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
