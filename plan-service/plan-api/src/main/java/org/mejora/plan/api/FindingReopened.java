package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** An action of a closed finding was reopened. */
@Revision("1")
public record FindingReopened(
        String planId,
        String findingId) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
