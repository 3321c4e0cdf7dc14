package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The supervisor rejected the self-evaluation: the servant self-evaluates again (9 → 8, 13 → 12). */
@Revision("1")
public record SelfEvaluationRejected(String evaluationId, FollowUp followUp, String reason)
        implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
