package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The servant self-evaluated the compliance of each goal with evidence and sent it (steps 8 and 12). */
@Revision("1")
public record SelfEvaluationSubmitted(String evaluationId, FollowUp followUp, List<GoalCompliance> compliance)
        implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
