package org.mejora.plan.api;

import java.util.List;

/**
 * One row of the actions table of a follow-up report (seed 000) as the action stood when the report was signed,
 * with the files shown as its evidence (empty in reports signed before files could be attached).
 */
public record FollowUpReportLine(
        String number,
        String factor,
        String action,
        String start,
        String end,
        String description,
        String status,
        String evidence,
        List<EvidenceFile> files) {

    public FollowUpReportLine {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public FollowUpReportLine(String number, String factor, String action, String start, String end,
                              String description, String status, String evidence) {
        this(number, factor, action, start, end, description, status, evidence, List.of());
    }
}
