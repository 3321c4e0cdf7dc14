package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 16 when the servant did not accept the final result: HR consolidates it anyway, saying why. */
public record ConsolidateNotAcceptedResultCommand(@TargetAggregateIdentifier String evaluationId, String reason) {
}
