package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/** Step 15: the servant does not accept it, back to step 12. */
public record NotAcceptFinalResultCommand(
        @TargetAggregateIdentifier String evaluationId,
        String reason,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
