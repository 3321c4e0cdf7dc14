package org.mejora.evaluation.api.state;

import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageDeadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadline facts already raised for an evaluation (EvaluationStepDeadlineNeared, EvaluationStepOverdue), per
 * stage and deadline, and the one rule of which is due next: the step the evaluation stands at is late once its
 * stage's deadline passed, and reminded 7 days and 1 day before it; each once per stage and deadline. A step past
 * its stage (or a completed evaluation) is done, and gets none.
 */
public record StepDeadlineNotices(Map<Stage, Raised> raised) {

    public static final StepDeadlineNotices NONE = new StepDeadlineNotices(Map.of());

    /** The reminder thresholds, in days before the deadline, farthest first. */
    public static final List<Integer> DAYS_BEFORE = List.of(7, 1);

    public StepDeadlineNotices {
        raised = raised.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(raised));
    }

    /**
     * @param deadline        the stage deadline these were raised for
     * @param nearestDaysLeft the smallest reminder threshold raised (7 or 1); null when none
     * @param overdue         EvaluationStepOverdue was raised
     */
    public record Raised(LocalDate deadline, Integer nearestDaysLeft, boolean overdue) {
    }

    /** A fact due today for the evaluation's current step. */
    public record Notice(Stage stage, EvaluationStatus step, LocalDate deadline, boolean overdue, int daysLeft) {
    }

    /**
     * What is to be raised today for an evaluation standing at {@code status} in a cycle with {@code deadlines}:
     * empty when nothing (done, no deadline for its stage, not near yet, or already raised). A sweep that ran late
     * raises only the nearest fact.
     */
    public Optional<Notice> next(EvaluationStatus status, List<StageDeadline> deadlines, LocalDate today) {
        if (status == null || status.stage() == null || deadlines == null || today == null) {
            return Optional.empty();
        }
        Stage stage = status.stage();
        LocalDate deadline = deadlines.stream().filter(d -> d.stage() == stage).map(StageDeadline::deadline)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (deadline == null) {
            return Optional.empty();
        }
        Raised already = raisedFor(stage, deadline);
        if (deadline.isBefore(today)) {
            return already.overdue() ? Optional.empty()
                    : Optional.of(new Notice(stage, status, deadline, true, 0));
        }
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        Integer reached = thresholdReached(daysLeft);
        if (reached == null || already.overdue()
                || (already.nearestDaysLeft() != null && already.nearestDaysLeft() <= reached)) {
            return Optional.empty();
        }
        return Optional.of(new Notice(stage, status, deadline, false, (int) daysLeft));
    }

    /** These notices after a reminder for {@code stage}'s {@code deadline} with {@code daysLeft} days left. */
    public StepDeadlineNotices neared(Stage stage, LocalDate deadline, int daysLeft) {
        Raised already = raisedFor(stage, deadline);
        Integer threshold = thresholdReached(daysLeft);
        int answered = threshold == null ? DAYS_BEFORE.get(0) : threshold;
        int nearest = already.nearestDaysLeft() == null ? answered : Math.min(already.nearestDaysLeft(), answered);
        return with(stage, new Raised(deadline, nearest, already.overdue()));
    }

    /** These notices after {@code stage}'s {@code deadline} passed with the step not done. */
    public StepDeadlineNotices overdue(Stage stage, LocalDate deadline) {
        return with(stage, new Raised(deadline, raisedFor(stage, deadline).nearestDaysLeft(), true));
    }

    private Raised raisedFor(Stage stage, LocalDate deadline) {
        Raised r = raised.get(stage);
        return r != null && deadline.equals(r.deadline()) ? r : new Raised(deadline, null, false);
    }

    private StepDeadlineNotices with(Stage stage, Raised r) {
        Map<Stage, Raised> changed = new EnumMap<>(Stage.class);
        changed.putAll(raised);
        changed.put(stage, r);
        return new StepDeadlineNotices(changed);
    }

    /** The nearest threshold at or above {@code daysLeft}; null when farther than every one. */
    private static Integer thresholdReached(long daysLeft) {
        Integer reached = null;
        for (int threshold : DAYS_BEFORE) {
            if (daysLeft <= threshold) {
                reached = threshold;
            }
        }
        return reached;
    }
}
