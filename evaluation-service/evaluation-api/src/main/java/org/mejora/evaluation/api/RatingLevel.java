package org.mejora.evaluation.api;

import java.math.BigDecimal;

/**
 * A level of a cycle's rating scale (escala de valoración), e.g. "Sobresaliente" from 90 to 100. A score belongs to
 * the level whose range holds it: from {@code minScore} inclusive to {@code maxScore} exclusive, except the top level
 * which includes 100.
 */
public record RatingLevel(String name, BigDecimal minScore, BigDecimal maxScore) {
}
