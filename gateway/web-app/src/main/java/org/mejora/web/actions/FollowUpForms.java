package org.mejora.web.actions;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** What each follow-up form sends, as typed; the API's field names, so its problems land beside the right input. */
public final class FollowUpForms {

    private FollowUpForms() {
    }

    /** Seguimiento: 0/25/50/75/100 % with evidence (medio de verificación); a reason when it goes back. */
    public record Progress(Integer percent, String evidence, String comment, String reason,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    }

    public record Implementation(String evidence, String comment,
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    }

    /** Cumplimiento and efectividad, by the control office. */
    public record Verification(Boolean compliant, Boolean effective, String observations) {
    }

    public record Reason(String reason) {
    }

    /** Not implemented, or cancelled (anulada). */
    public record Justification(String justification) {
    }
}
