package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The supervisor modified the goals (step 5); the servant's original stays beside the modification. */
@Revision("1")
public record GoalsModified(String evaluationId, List<Goal> original, List<Goal> modified, String reason)
        implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
