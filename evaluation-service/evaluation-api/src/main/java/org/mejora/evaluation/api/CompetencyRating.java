package org.mejora.evaluation.api;

import java.math.BigDecimal;

/** The supervisor's rating of one behavioural competency (competencia comportamental), 0-100. */
public record CompetencyRating(String competency, BigDecimal score, String comment) {
}
