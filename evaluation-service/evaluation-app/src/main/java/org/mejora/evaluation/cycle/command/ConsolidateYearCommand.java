package org.mejora.evaluation.cycle.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConsolidateYearCommand(@TargetAggregateIdentifier String cycleId) {
}
