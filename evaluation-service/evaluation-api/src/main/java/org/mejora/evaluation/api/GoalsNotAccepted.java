package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The servant did not accept the approved or modified goals: back to formulation (step 6 → 4). */
@Revision("1")
public record GoalsNotAccepted(String evaluationId, String reason) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
