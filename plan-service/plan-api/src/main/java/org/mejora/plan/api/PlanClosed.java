package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** Every action of the plan reached its end (closed, not implemented or cancelled) and the approver closed the plan. */
@Revision("1")
public record PlanClosed(
        String planId,
        Signature closedBy) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
