package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** A finding of a DRAFT plan was changed; every field carries its new value. */
@Revision("1")
public record FindingEdited(
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
