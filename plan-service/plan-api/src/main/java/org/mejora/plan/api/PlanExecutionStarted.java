package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** An approved plan went into execution: from now on its actions are followed up. */
@Revision("1")
public record PlanExecutionStarted(
        String planId,
        Signature startedBy) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
