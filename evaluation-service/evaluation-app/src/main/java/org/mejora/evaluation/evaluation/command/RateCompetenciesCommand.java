package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mejora.evaluation.api.CompetencyRating;
import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Step 14: the supervisor rates the behavioural competencies. */
public record RateCompetenciesCommand(
        @TargetAggregateIdentifier String evaluationId,
        List<CompetencyRating> ratings,
        Map<Stage, Instant> closedStages)
        implements StepCommand {
}
