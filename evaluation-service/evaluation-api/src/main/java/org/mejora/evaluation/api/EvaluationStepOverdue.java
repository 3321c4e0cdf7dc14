package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An evaluation's step passed its stage's deadline without being done: raised by the deadline sweep once per
 * evaluation, step and deadline. Who and when are in the event's metadata.
 *
 * @param stage    the stage whose deadline passed
 * @param step     the step the evaluation still stands at (its status)
 * @param deadline the stage's last day, in the institution's zone
 * @param on       the institution's day the sweep noticed it
 */
@Revision("1")
public record EvaluationStepOverdue(
        String evaluationId,
        Stage stage,
        EvaluationStatus step,
        LocalDate deadline,
        LocalDate on) implements EvaluationEvent {

    @Override
    public <R> R accept(EvaluationEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
