package org.mejora.plan.api;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The action was carried out in full, with its evidence. */
@Revision("1")
public record ActionImplemented(
        String planId,
        String actionId,
        String evidence,
        String comment,
        LocalDate implementedOn) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
