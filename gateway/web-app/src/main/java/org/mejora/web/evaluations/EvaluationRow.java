package org.mejora.web.evaluations;

import java.time.ZoneId;
import java.util.Map;

import static org.mejora.web.evaluations.Values.number;
import static org.mejora.web.evaluations.Values.text;

/** An evaluation in a list (from {@code GET /api/evaluations}), with its step against the stage's deadline. */
public record EvaluationRow(String evaluationId, String cycleId, int year, String servantId, String servantName,
                            String supervisorId, String supervisorName, Status status, String finalScore,
                            String ratingLevel, String lastStepAt, Lateness lateness) {

    static EvaluationRow of(Map<String, Object> summary, ZoneId zone) {
        return new EvaluationRow(text(summary.get("evaluationId")), text(summary.get("cycleId")),
                ((Number) summary.get("year")).intValue(), text(summary.get("servantId")),
                text(summary.get("servantName")), text(summary.get("supervisorId")),
                text(summary.get("supervisorName")), Status.of(summary.get("status")),
                number(summary.get("finalScore")), text(summary.get("ratingLevel")),
                Values.moment(summary.get("lastStepAt"), zone), null);
    }

    EvaluationRow with(Deadlines deadlines) {
        return new EvaluationRow(evaluationId, cycleId, year, servantId, servantName, supervisorId, supervisorName,
                status, finalScore, ratingLevel, lastStepAt, deadlines.of(evaluationId, status));
    }

    public boolean late() {
        return lateness != null && lateness.late();
    }
}
