package org.mejora.evaluation.cycle.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Assigns servants to their supervisors, all or nothing. Answers with the evaluations to open for every row, those
 * assigned before included, so that repeating a request opens whatever a failed one left unopened.
 */
public record AssignServantsCommand(@TargetAggregateIdentifier String cycleId, List<Assignment> assignments) {
}
