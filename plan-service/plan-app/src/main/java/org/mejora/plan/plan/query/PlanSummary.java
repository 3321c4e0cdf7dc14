package org.mejora.plan.plan.query;

import java.time.Instant;

/** A line of the list of plans. */
public record PlanSummary(String planId, String kind, String status, String title, String period, String servantId,
                          String supervisorId, long version, Instant updatedAt) {
}
