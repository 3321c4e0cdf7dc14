package org.mejora.evaluation.cycle.query;

import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * HR's consolidation of one stage (P-TH-10 steps 7, 11, 16): who is where and who is late against the deadline.
 *
 * @param done servants past every step of the stage
 * @param late servants not done after the deadline
 */
public record StageReport(String cycleId, Stage stage, LocalDate deadline, Instant closedAt, int total, int done,
                          int late, Map<String, Long> byStatus, List<Row> servants) {

    public record Row(String evaluationId, String servantId, String servantName, String supervisorId,
                      String supervisorName, String status, boolean done, boolean late) {
    }
}
