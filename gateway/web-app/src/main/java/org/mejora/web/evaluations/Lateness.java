package org.mejora.web.evaluations;

import java.time.LocalDate;

/**
 * An evaluation's current step against its stage's deadline. P-TH-10 lets a late step still be taken until HR closes
 * the stage (activity 17, HR's follow-up of each stage); once closed, only a servant who joined after the close goes
 * through it (activity 4, "y cuando ingrese un nuevo servidor").
 *
 * @param deadline null when the user may not read it (the dashboard tells a supervisor only the late ones)
 * @param closed   HR closed the stage (known only to readers of the cycle)
 */
public record Lateness(String stage, LocalDate deadline, long daysLate, boolean late, boolean closed) {

    /** Days left before the deadline, for a step not late yet. */
    public long daysLeft() {
        return -daysLate;
    }
}
