package org.mejora.evaluation.api;

import java.math.BigDecimal;

/**
 * A servant's result: goals score × goals weight + competencies score × competencies weight, and the level of the
 * cycle's scale it falls in.
 *
 * @param belowThreshold whether the level is under the cycle's threshold, so an individual improvement plan is
 *                       required
 */
public record Score(BigDecimal goalsScore, BigDecimal competenciesScore, BigDecimal finalScore, String ratingLevel,
                    boolean belowThreshold) {
}
