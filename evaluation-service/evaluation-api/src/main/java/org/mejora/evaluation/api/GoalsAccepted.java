package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The servant accepted the approved or modified goals (step 6 → 8). */
@Revision("1")
public record GoalsAccepted(String evaluationId) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
