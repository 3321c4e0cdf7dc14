package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** The plan's responsible signed it ("Responsable Plan") and sent it for review. */
@Revision("1")
public record PlanSubmittedForReview(
        String planId,
        Signature responsible) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
