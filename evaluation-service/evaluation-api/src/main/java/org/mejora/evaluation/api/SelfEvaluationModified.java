package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The supervisor modified the self-evaluation (steps 9 and 13); the servant's original stays beside it. */
@Revision("1")
public record SelfEvaluationModified(String evaluationId, FollowUp followUp, List<GoalCompliance> original,
                                     List<GoalCompliance> modified, String reason) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
