package org.mejora.plan.api.state;

/** A follow-up report (informe de seguimiento) of a plan, for a period. */
public record ReportState(String reportId, String period, ReportStatus status) {
}
