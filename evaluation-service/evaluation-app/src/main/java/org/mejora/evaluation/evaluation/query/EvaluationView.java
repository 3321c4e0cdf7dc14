package org.mejora.evaluation.evaluation.query;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A servant's evaluation: where it stands, the current goals, compliance and ratings, and the servant's own version
 * beside each one the supervisor modified ({@code *Original}, null when not modified), with every step taken.
 */
public record EvaluationView(String evaluationId, String cycleId, String institutionId, int year, String servantId,
                             String servantName, String supervisorId, String supervisorName, String status,
                             JsonNode goals, JsonNode goalsOriginal, JsonNode complianceI,
                             JsonNode complianceIOriginal, JsonNode complianceII, JsonNode complianceIIOriginal,
                             JsonNode competencyRatings, BigDecimal goalsScore, BigDecimal competenciesScore,
                             BigDecimal finalScore, String ratingLevel, Boolean belowThreshold,
                             Instant consolidatedAt, boolean improvementPlanRequired, Instant openedAt,
                             Instant lastStepAt, List<Step> steps) {

    /** One step as it happened: who, in which role, when, why and what exactly (the event's content). */
    public record Step(long sequence, String step, String actorId, String actorRole, String actorName,
                       Instant occurredAt, String reason, JsonNode detail) {
    }
}
