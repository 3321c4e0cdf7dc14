package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The supervisor rated the behavioural competencies (step 14), which completes the result the servant is asked to
 * accept.
 */
@Revision("1")
public record CompetenciesRated(String evaluationId, List<CompetencyRating> ratings, Score result)
        implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
