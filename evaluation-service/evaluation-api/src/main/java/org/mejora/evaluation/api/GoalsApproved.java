package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The supervisor approved the goals as the servant formulated them (step 5). */
@Revision("1")
public record GoalsApproved(String evaluationId) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
