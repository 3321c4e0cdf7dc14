package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 5: the supervisor approves the goals. */
public record ApproveGoalsCommand(
        @TargetAggregateIdentifier String evaluationId,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
