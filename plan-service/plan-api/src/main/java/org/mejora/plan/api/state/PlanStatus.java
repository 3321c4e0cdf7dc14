package org.mejora.plan.api.state;

/** DRAFT → IN_REVIEW → APPROVED → IN_EXECUTION → CLOSED; a rejected review returns to DRAFT. */
public enum PlanStatus {
    DRAFT, IN_REVIEW, APPROVED, IN_EXECUTION, CLOSED
}
