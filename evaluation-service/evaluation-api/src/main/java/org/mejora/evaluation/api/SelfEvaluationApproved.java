package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The supervisor approved the self-evaluation (steps 9 and 13). */
@Revision("1")
public record SelfEvaluationApproved(String evaluationId, FollowUp followUp) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
