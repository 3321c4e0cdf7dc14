package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 15: the servant accepts the final result. */
public record AcceptFinalResultCommand(
        @TargetAggregateIdentifier String evaluationId,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
