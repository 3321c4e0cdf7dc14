package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 10: the servant accepts the approved or modified self-evaluation. */
public record AcceptSelfEvaluationCommand(
        @TargetAggregateIdentifier String evaluationId,
        FollowUp followUp,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
