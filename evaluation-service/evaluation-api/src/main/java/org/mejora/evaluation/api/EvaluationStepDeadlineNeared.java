package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The deadline of the stage an evaluation's current step belongs to is near and the step is not done: raised by the
 * deadline sweep 7 days and 1 day before {@code deadline}, once per evaluation, step, deadline and {@code daysLeft}.
 * Who and when are in the event's metadata.
 *
 * @param stage    the stage whose deadline nears
 * @param step     the step the evaluation stands at (its status), which waits for someone
 * @param deadline the stage's last day, in the institution's zone
 * @param daysLeft the days from {@code on} to {@code deadline}: 7 or 1 (fewer when the sweep ran late)
 * @param on       the institution's day the sweep noticed it
 */
@Revision("1")
public record EvaluationStepDeadlineNeared(
        String evaluationId,
        Stage stage,
        EvaluationStatus step,
        LocalDate deadline,
        int daysLeft,
        LocalDate on) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
