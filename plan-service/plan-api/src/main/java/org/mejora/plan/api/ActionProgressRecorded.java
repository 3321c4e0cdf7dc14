package org.mejora.plan.api;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;
import java.util.List;

/** A follow-up (seguimiento) of an action: its progress with the evidence (medio de verificación).
 *
 * @param previousPercent the progress before this follow-up
 * @param reason          why the progress went backwards; null when it did not
 * @param files           the files shown as evidence; empty in events written before files could be attached */
@Revision("1")
public record ActionProgressRecorded(
        String planId,
        String actionId,
        int percent,
        int previousPercent,
        String evidence,
        String comment,
        String reason,
        LocalDate recordedOn,
        List<EvidenceFile> files) implements PlanEvent {

    public ActionProgressRecorded {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A follow-up without files. */
    public ActionProgressRecorded(String planId, String actionId, int percent, int previousPercent, String evidence,
                                  String comment, String reason, LocalDate recordedOn) {
        this(planId, actionId, percent, previousPercent, evidence, comment, reason, recordedOn, List.of());
    }

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
