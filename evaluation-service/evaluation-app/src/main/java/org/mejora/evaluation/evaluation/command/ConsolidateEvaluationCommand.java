package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 16: HR consolidates a completed evaluation into the year's results. */
public record ConsolidateEvaluationCommand(@TargetAggregateIdentifier String evaluationId) {
}
