package org.mejora.evaluation.api;

import java.math.BigDecimal;

/**
 * The compliance reported (or set by the supervisor) for one goal in a follow-up.
 *
 * @param compliancePercent the % of the goal achieved, 0-100
 * @param evidence          the evidence (evidencias) that supports it
 */
public record GoalCompliance(int goalNumber, BigDecimal compliancePercent, String evidence) {
}
