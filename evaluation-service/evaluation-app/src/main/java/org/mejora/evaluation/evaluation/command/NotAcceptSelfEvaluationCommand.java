package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 10: the servant does not accept it, back to step 8. */
public record NotAcceptSelfEvaluationCommand(
        @TargetAggregateIdentifier String evaluationId,
        FollowUp followUp,
        String reason,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
