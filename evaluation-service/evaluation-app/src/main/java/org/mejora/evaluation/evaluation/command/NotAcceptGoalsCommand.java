package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 6: the servant does not accept them, back to formulation. */
public record NotAcceptGoalsCommand(
        @TargetAggregateIdentifier String evaluationId,
        String reason,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
