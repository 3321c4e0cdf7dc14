package org.mejora.plan.api;

/** The servant, evaluation and cycle an individual improvement plan belongs to (P-TH-10 steps 18-20). */
public record IndividualPlanLink(
        String servantId,
        String servantName,
        String supervisorId,
        String supervisorName,
        String evaluationId,
        String cycleId,
        int year) {
}
