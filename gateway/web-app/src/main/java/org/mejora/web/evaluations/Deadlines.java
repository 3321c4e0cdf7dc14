package org.mejora.web.evaluations;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * What the user may know of a cycle's deadlines: every stage's from the cycle (HR, auditors), or only which
 * evaluations are late from the evaluation dashboard (supervisors), or nothing.
 */
public record Deadlines(LocalDate today, Map<String, LocalDate> byStage, Set<String> closedStages,
                        Map<String, Lateness> lateEvaluations) {

    static Deadlines unknown(LocalDate today) {
        return new Deadlines(today, Map.of(), Set.of(), Map.of());
    }

    /** Null when the step has no stage (the result accepted) or its deadline is not known to the user. */
    public Lateness of(String evaluationId, Status status) {
        String stage = status.stage();
        if (stage == null) {
            return null;
        }
        LocalDate deadline = byStage.get(stage);
        if (deadline != null) {
            long days = ChronoUnit.DAYS.between(deadline, today);
            return new Lateness(stage, deadline, days, days > 0, closedStages.contains(stage));
        }
        Lateness late = lateEvaluations.get(evaluationId);
        // The dashboard is a projection: it may still show the step before the one just taken.
        return late != null && stage.equals(late.stage()) ? late : null;
    }
}
