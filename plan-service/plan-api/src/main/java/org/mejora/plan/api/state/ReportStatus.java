package org.mejora.plan.api.state;

/** A follow-up report is drafted, then signed and submitted once. */
public enum ReportStatus {
    DRAFT, SUBMITTED
}
