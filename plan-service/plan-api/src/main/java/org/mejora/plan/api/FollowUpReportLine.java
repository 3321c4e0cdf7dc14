package org.mejora.plan.api;

/** One row of the actions table of a follow-up report (seed 000) as the action stood when the report was signed. */
public record FollowUpReportLine(
        String number,
        String factor,
        String action,
        String start,
        String end,
        String description,
        String status,
        String evidence) {
}
