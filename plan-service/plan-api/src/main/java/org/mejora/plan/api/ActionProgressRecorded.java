package org.mejora.plan.api;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** A follow-up (seguimiento) of an action: its progress with the evidence (medio de verificación).
 *
 * @param previousPercent the progress before this follow-up
 * @param reason          why the progress went backwards; null when it did not */
@Revision("1")
public record ActionProgressRecorded(
        String planId,
        String actionId,
        int percent,
        int previousPercent,
        String evidence,
        String comment,
        String reason,
        LocalDate recordedOn) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
