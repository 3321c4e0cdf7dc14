package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 6: the servant accepts the approved or modified goals. */
public record AcceptGoalsCommand(
        @TargetAggregateIdentifier String evaluationId,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
