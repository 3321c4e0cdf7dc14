package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** The servant did not accept the final result: back to the second self-evaluation (step 15 → 12). */
@Revision("1")
public record FinalResultNotAccepted(String evaluationId, String reason) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
