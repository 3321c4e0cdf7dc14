package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The deadline sweep's command: raise the deadline facts due {@code today} (the institution's day) for the plan's
 * actions. The plan decides which, once per action and due date, so sending it twice raises nothing twice; its
 * result is the number of events raised.
 */
public record NoticeActionDeadlinesCommand(
        @TargetAggregateIdentifier String planId,
        LocalDate today) {
}
