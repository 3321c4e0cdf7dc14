package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The people responsible for an action were set, by user id; the list replaces the previous one (an empty list
 * leaves the action with no named responsible). Reminders of the action's deadlines go to them.
 */
@Revision("1")
public record ActionResponsiblesAssigned(
        String planId,
        String actionId,
        List<String> userIds) implements PlanEvent {

    public ActionResponsiblesAssigned {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
