package org.mejora.evaluation.evaluation.command;

import org.mejora.evaluation.api.CompetencyRating;
import org.mejora.evaluation.api.Goal;
import org.mejora.evaluation.api.GoalCompliance;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.Score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The final score of P-TH-10: goals score × goals weight + competencies score × competencies weight, mapped onto the
 * cycle's scale. A goal scores the share of its agreed second-follow-up compliance that was achieved (at most all of
 * it), weighted by the goal's weight; the competencies score is the mean of their ratings.
 */
final class Scoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 2;

    private Scoring() {
    }

    static Score score(List<Goal> goals, List<GoalCompliance> finalCompliance, List<CompetencyRating> ratings,
                       BigDecimal goalsWeight, BigDecimal competenciesWeight, List<RatingLevel> scale,
                       BigDecimal threshold) {
        Map<Integer, BigDecimal> achieved = finalCompliance.stream()
                .collect(Collectors.toMap(GoalCompliance::goalNumber, GoalCompliance::compliancePercent));
        BigDecimal goalsScore = goals.stream()
                .map(goal -> goal.weight().multiply(share(achieved.get(goal.number()), goal.agreedPercentII())))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal competenciesScore = ratings.isEmpty() ? BigDecimal.ZERO.setScale(SCALE)
                : ratings.stream().map(CompetencyRating::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(ratings.size()), SCALE, RoundingMode.HALF_UP);
        BigDecimal finalScore = goalsScore.multiply(goalsWeight).add(competenciesScore.multiply(competenciesWeight))
                .divide(HUNDRED, SCALE, RoundingMode.HALF_UP);
        return new Score(goalsScore, competenciesScore, finalScore, level(finalScore, scale).name(),
                finalScore.compareTo(threshold) < 0);
    }

    private static BigDecimal share(BigDecimal achieved, BigDecimal agreed) {
        return achieved.min(agreed).divide(agreed, 6, RoundingMode.HALF_UP);
    }

    /** Ranges include their lower bound; the top level also includes 100. */
    static RatingLevel level(BigDecimal score, List<RatingLevel> scale) {
        return scale.stream()
                .filter(level -> score.compareTo(level.minScore()) >= 0 && (score.compareTo(level.maxScore()) < 0
                        || level == scale.get(scale.size() - 1)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no level of the scale holds " + score));
    }
}
