package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** A finding and its actions were removed from a DRAFT plan. */
@Revision("1")
public record FindingRemoved(
        String planId,
        String findingId) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
