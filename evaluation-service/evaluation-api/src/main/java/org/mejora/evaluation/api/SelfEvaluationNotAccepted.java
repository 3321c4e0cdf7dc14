package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The servant did not accept the approved or modified self-evaluation of the first follow-up (step 10 → 8). */
@Revision("1")
public record SelfEvaluationNotAccepted(String evaluationId, FollowUp followUp, String reason)
        implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
