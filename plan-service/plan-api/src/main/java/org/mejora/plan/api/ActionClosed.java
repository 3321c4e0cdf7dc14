package org.mejora.plan.api;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The action was closed (Cerrada-C). */
@Revision("1")
public record ActionClosed(
        String planId,
        String actionId,
        LocalDate closedOn) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
