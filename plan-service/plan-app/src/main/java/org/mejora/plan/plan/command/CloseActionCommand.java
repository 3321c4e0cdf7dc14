package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record CloseActionCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String actionId,
        LocalDate closedOn) {
}
