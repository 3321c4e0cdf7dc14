package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/**
 * HR opened the yearly evaluation cycle of an institution (P-TH-10 step 3).
 *
 * @param stages             the deadline of each stage
 * @param scale              the rating scale, levels from the lowest score to the highest
 * @param goalsWeight        % of the final score given by the goals; with {@code competenciesWeight} sums to 100
 * @param thresholdLevel     the level under which an individual improvement plan is required
 * @param competencies       the behavioural competencies the supervisors rate
 */
@Revision("1")
public record CycleOpened(
        String cycleId,
        String institutionId,
        int year,
        String name,
        List<StageDeadline> stages,
        List<RatingLevel> scale,
        BigDecimal goalsWeight,
        BigDecimal competenciesWeight,
        String thresholdLevel,
        List<String> competencies) implements CycleEvent {

    @Override
    public <R> R accept(CycleEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
