package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.GoalCompliance;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Steps 8 and 12: the servant reports the compliance of each goal with evidence. */
public record SubmitSelfEvaluationCommand(
        @TargetAggregateIdentifier String evaluationId,
        FollowUp followUp,
        List<GoalCompliance> compliance,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
