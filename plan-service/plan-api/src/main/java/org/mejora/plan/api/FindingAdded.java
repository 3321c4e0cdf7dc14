package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** A finding (hallazgo) was added to a DRAFT plan. */
@Revision("1")
public record FindingAdded(
        String planId,
        String findingId,
        String number,
        String description,
        FindingSource source,
        String improvementArea) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
