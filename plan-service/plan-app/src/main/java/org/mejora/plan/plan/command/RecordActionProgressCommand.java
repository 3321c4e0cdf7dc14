package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record RecordActionProgressCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String actionId,
        Integer percent,
        String evidence,
        String comment,
        String reason,
        LocalDate recordedOn) {
}
