package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Goal;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Step 5: the supervisor modifies the goals. */
public record ModifyGoalsCommand(
        @TargetAggregateIdentifier String evaluationId,
        List<Goal> goals,
        String reason,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
