package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** An action (acción de mejora) was added under a finding of a DRAFT plan. */
@Revision("1")
public record ActionAdded(
        String planId,
        String findingId,
        String actionId,
        ActionDetails details) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
