package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** The reviewer sent the plan back to DRAFT, with the reason. */
@Revision("1")
public record PlanReviewRejected(
        String planId,
        Signature reviewer,
        String reason) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
