package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** The action was cancelled, with the justification. */
@Revision("1")
public record ActionCancelled(
        String planId,
        String actionId,
        String justification) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
