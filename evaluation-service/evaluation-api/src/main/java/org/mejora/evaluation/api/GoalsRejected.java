package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The supervisor rejected the goals: back to formulation (step 5 → 4). */
@Revision("1")
public record GoalsRejected(String evaluationId, String reason) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
