package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An unfinished action's end is near: raised by the deadline sweep 7 days and 1 day before {@code dueOn}, once per
 * action, due date and {@code daysLeft} (an action re-planned to a new end gets new ones). Who and when are in the
 * event's metadata, like every event.
 *
 * @param dueOn    the last day of the action's end period, in the institution's zone
 * @param daysLeft the days from {@code on} to {@code dueOn}: 7 or 1 (fewer when the sweep ran late)
 * @param on       the institution's day the sweep noticed it
 */
@Revision("1")
public record ActionDeadlineNeared(
        String planId,
        String actionId,
        LocalDate dueOn,
        int daysLeft,
        LocalDate on) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
