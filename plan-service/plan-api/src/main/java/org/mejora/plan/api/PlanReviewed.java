package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** The reviewer signed the plan ("Revisa"); it awaits approval. */
@Revision("1")
public record PlanReviewed(
        String planId,
        Signature reviewer,
        String observations) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
