package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** A closed action was reopened (Abierta-A), with the reason; it is in progress again and needs a new verification. */
@Revision("1")
public record ActionReopened(
        String planId,
        String actionId,
        String reason) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
