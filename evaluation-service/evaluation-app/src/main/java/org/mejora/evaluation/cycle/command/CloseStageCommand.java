package org.mejora.evaluation.cycle.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.Stage;

public record CloseStageCommand(@TargetAggregateIdentifier String cycleId, Stage stage, String reason) {
}
