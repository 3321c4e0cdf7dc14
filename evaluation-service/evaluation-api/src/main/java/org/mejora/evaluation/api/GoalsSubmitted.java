package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The servant formulated their goals and sent them to the supervisor (step 4). */
@Revision("1")
public record GoalsSubmitted(String evaluationId, List<Goal> goals) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
