package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.mejora.plan.api.EvidenceFile;

import java.time.LocalDate;
import java.util.List;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record RecordActionProgressCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String actionId,
        Integer percent,
        String evidence,
        String comment,
        String reason,
        LocalDate recordedOn,
        List<EvidenceFile> files) {

    /** A follow-up without files (the import's, and every one typed before files could be attached). */
    public RecordActionProgressCommand(String planId, Long expectedVersion, String actionId, Integer percent,
                                       String evidence, String comment, String reason, LocalDate recordedOn) {
        this(planId, expectedVersion, actionId, percent, evidence, comment, reason, recordedOn, List.of());
    }
}
