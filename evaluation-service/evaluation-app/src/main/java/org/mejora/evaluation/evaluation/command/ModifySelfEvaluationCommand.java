package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.GoalCompliance;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Steps 9 and 13: the supervisor modifies the self-evaluation. */
public record ModifySelfEvaluationCommand(
        @TargetAggregateIdentifier String evaluationId,
        FollowUp followUp,
        List<GoalCompliance> compliance,
        String reason,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
