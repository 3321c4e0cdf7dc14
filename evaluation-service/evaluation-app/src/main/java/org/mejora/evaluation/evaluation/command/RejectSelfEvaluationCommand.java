package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Steps 9 and 13: the supervisor rejects the self-evaluation. */
public record RejectSelfEvaluationCommand(
        @TargetAggregateIdentifier String evaluationId,
        FollowUp followUp,
        String reason,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
