package org.mejora.plan.api.state;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The deadline facts already raised for an action's due date (ActionDeadlineNeared, ActionBecameOverdue), and the
 * one rule of which is due next: 7 days before, 1 day before, then overdue once past the date, each once per due
 * date. A re-planned action has a new due date, for which nothing was raised yet.
 *
 * @param dueOn           the due date these notices were raised for; null when none was
 * @param nearestDaysLeft the smallest reminder threshold raised for it (7 or 1); null when none
 * @param overdue         ActionBecameOverdue was raised for it
 */
public record DeadlineNotices(LocalDate dueOn, Integer nearestDaysLeft, boolean overdue) {

    public static final DeadlineNotices NONE = new DeadlineNotices(null, null, false);

    /** The reminder thresholds, in days before the due date, farthest first. */
    public static final int[] DAYS_BEFORE = {7, 1};

    /** A notice due today: overdue, or a reminder of {@code daysLeft} days for the {@code threshold} reached. */
    public record Notice(LocalDate dueOn, boolean overdue, int daysLeft, int threshold) {
    }

    /**
     * What is to be raised today for something open and due on {@code due}, given these notices: empty when nothing
     * (no date, not near yet, or already raised). A sweep that ran late raises only the nearest threshold reached.
     *
     * @param overdue whether it is overdue today: {@link ActionStatus#overdue}, the one rule of it
     */
    public Optional<Notice> next(LocalDate due, LocalDate today, boolean overdue) {
        if (due == null || today == null) {
            return Optional.empty();
        }
        DeadlineNotices raised = due.equals(dueOn) ? this : NONE;
        if (overdue) {
            return raised.overdue ? Optional.empty() : Optional.of(new Notice(due, true, 0, 0));
        }
        long daysLeft = ChronoUnit.DAYS.between(today, due);
        if (daysLeft < 0) {
            return Optional.empty();
        }
        Integer reached = null;
        for (int threshold : DAYS_BEFORE) {
            if (daysLeft <= threshold) {
                reached = threshold;
            }
        }
        if (reached == null || raised.overdue
                || (raised.nearestDaysLeft != null && raised.nearestDaysLeft <= reached)) {
            return Optional.empty();
        }
        return Optional.of(new Notice(due, false, (int) daysLeft, reached));
    }

    /** Whether every fact of the due date {@code due} was raised (it became overdue): nothing is left to raise. */
    public boolean settled(LocalDate due) {
        return overdue && due != null && due.equals(dueOn);
    }

    /** These notices after a reminder raised for {@code due} with {@code daysLeft} days left. */
    public DeadlineNotices neared(LocalDate due, int daysLeft) {
        DeadlineNotices raised = due.equals(dueOn) ? this : NONE;
        int threshold = thresholdOf(daysLeft);
        int nearest = raised.nearestDaysLeft == null ? threshold : Math.min(raised.nearestDaysLeft, threshold);
        return new DeadlineNotices(due, nearest, raised.overdue);
    }

    /** These notices after the due date {@code due} passed. */
    public DeadlineNotices becameOverdue(LocalDate due) {
        DeadlineNotices raised = due.equals(dueOn) ? this : NONE;
        return new DeadlineNotices(due, raised.nearestDaysLeft, true);
    }

    /** The threshold a reminder of {@code daysLeft} days answers: the nearest one at or above it. */
    private static int thresholdOf(int daysLeft) {
        int answered = DAYS_BEFORE[0];
        for (int threshold : DAYS_BEFORE) {
            if (daysLeft <= threshold) {
                answered = threshold;
            }
        }
        return answered;
    }
}
