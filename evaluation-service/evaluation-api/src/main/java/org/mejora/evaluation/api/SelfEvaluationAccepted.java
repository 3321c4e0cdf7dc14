package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The servant accepted the approved or modified self-evaluation of the first follow-up (step 10 → 12). */
@Revision("1")
public record SelfEvaluationAccepted(String evaluationId, FollowUp followUp) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
