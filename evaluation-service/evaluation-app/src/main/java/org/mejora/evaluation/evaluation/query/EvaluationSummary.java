package org.mejora.evaluation.evaluation.query;

import java.math.BigDecimal;
import java.time.Instant;

/** An evaluation in a list: whose it is, who evaluates it and where it stands. */
public record EvaluationSummary(String evaluationId, String cycleId, int year, String servantId, String servantName,
                                String supervisorId, String supervisorName, String status, BigDecimal finalScore,
                                String ratingLevel, Instant lastStepAt) {
}
