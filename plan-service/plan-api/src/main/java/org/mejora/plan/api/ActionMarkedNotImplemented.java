package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** The action will not be implemented, with the justification. */
@Revision("1")
public record ActionMarkedNotImplemented(
        String planId,
        String actionId,
        String justification) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
