package org.mejora.evaluation.cycle.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The year's results (P-TH-10 step 16): each servant's final score and level, and how many fell in each level. */
public record YearReport(String cycleId, int year, Instant consolidatedAt, int total, int consolidated,
                         int improvementPlansRequired, Map<String, Long> byLevel, List<Row> servants) {

    public record Row(String evaluationId, String servantId, String servantName, String supervisorId,
                      String supervisorName, String status, BigDecimal goalsScore, BigDecimal competenciesScore,
                      BigDecimal finalScore, String ratingLevel, boolean improvementPlanRequired) {
    }
}
