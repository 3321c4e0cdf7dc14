package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.StageDeadline;

import java.time.LocalDate;
import java.util.List;

/**
 * The deadline sweep's command: raise the deadline fact due {@code today} (the institution's day) for the step the
 * evaluation stands at, given its cycle's stage deadlines. The evaluation decides, once per stage and deadline, so
 * sending it twice raises nothing twice; its result is the number of events raised.
 */
public record NoticeStepDeadlinesCommand(
        @TargetAggregateIdentifier String evaluationId,
        List<StageDeadline> deadlines,
        LocalDate today) {
}
