package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** An action of a DRAFT plan was changed; the details carry every new value. */
@Revision("1")
public record ActionEdited(
        String planId,
        String findingId,
        String actionId,
        ActionDetails details) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
