package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 5: the supervisor rejects the goals, back to formulation. */
public record RejectGoalsCommand(
        @TargetAggregateIdentifier String evaluationId,
        String reason,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
