package org.mejora.plan.api;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** The header of a DRAFT plan was changed; every field carries its new value. */
@Revision("1")
public record PlanHeaderEdited(
        String planId,
        String title,
        String institutionName,
        String auditedProcess,
        String procedures,
        String responsible,
        LocalDate subscriptionDate,
        String formatCode,
        String formatVersion,
        String period) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
