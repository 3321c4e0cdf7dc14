package org.mejora.evaluation.cycle.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.StageDeadline;

import java.math.BigDecimal;
import java.util.List;

public record OpenCycleCommand(
        @TargetAggregateIdentifier String cycleId,
        String institutionId,
        int year,
        String name,
        List<StageDeadline> stages,
        List<RatingLevel> scale,
        BigDecimal goalsWeight,
        BigDecimal competenciesWeight,
        String thresholdLevel,
        List<String> competencies) {
}
