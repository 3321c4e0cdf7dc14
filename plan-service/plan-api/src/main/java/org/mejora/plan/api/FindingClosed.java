package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** Every action of the finding is closed and verified effective. */
@Revision("1")
public record FindingClosed(
        String planId,
        String findingId) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
