package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** An action was removed from a DRAFT plan. */
@Revision("1")
public record ActionRemoved(
        String planId,
        String findingId,
        String actionId) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
