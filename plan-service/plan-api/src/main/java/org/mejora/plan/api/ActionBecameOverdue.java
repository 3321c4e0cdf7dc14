package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An action passed its end unfinished (see {@code ActionStatus.overdue}): raised by the deadline sweep once per action
 * and due date (an action re-planned to a new end can become overdue again). Who and when are in the metadata.
 *
 * @param dueOn the last day of the action's end period, in the institution's zone
 * @param on    the institution's day the sweep noticed it (the day after {@code dueOn}, or later when it ran late)
 */
@Revision("1")
public record ActionBecameOverdue(
        String planId,
        String actionId,
        LocalDate dueOn,
        LocalDate on) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
