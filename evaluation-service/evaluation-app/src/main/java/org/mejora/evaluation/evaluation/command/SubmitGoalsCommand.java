package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Goal;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Step 4: the servant sends the goals they formulated. */
public record SubmitGoalsCommand(
        @TargetAggregateIdentifier String evaluationId,
        List<Goal> goals,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
