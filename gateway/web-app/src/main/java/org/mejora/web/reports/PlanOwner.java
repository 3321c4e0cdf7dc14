package org.mejora.web.reports;

import org.mejora.web.config.CurrentUser;

import java.util.Map;

/**
 * Who may write a plan's follow-up (plan-service's OWN duty: follow-up imports, reports): PLAN_OWNER and ADMIN, and on
 * an individual plan its servant and their supervisor. Pages use it to decide which buttons to show.
 */
public final class PlanOwner {

    private PlanOwner() {
    }

    public static boolean is(CurrentUser me, Map<String, Object> plan) {
        if (me.has("PLAN_OWNER", "ADMIN")) {
            return true;
        }
        if (plan.get("individual") instanceof Map<?, ?> link) {
            return (me.has("SERVANT") && me.userId().equals(link.get("servantId")))
                    || (me.has("SUPERVISOR") && me.userId().equals(link.get("supervisorId")));
        }
        return false;
    }
}
