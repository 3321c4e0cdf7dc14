package org.mejora.plan.api.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan's {@link EntityFacts}: the plan, its findings, actions and follow-up reports, removed ones included. */
public final class PlanFacts {

    public static final String PLAN = "Plan";
    public static final String FINDING = "Finding";
    public static final String ACTION = "Action";
    public static final String REPORT = "FollowUpReport";

    private PlanFacts() {
    }

    public static List<EntityFacts> of(PlanState plan) {
        List<EntityFacts> facts = new ArrayList<>();
        facts.add(new EntityFacts(PLAN, plan.planId(), null, plan.status().name(), null, null, null, false,
                dates("approvedOn", plan.approvedOn(), "closedOn", plan.closedOn())));
        plan.findings().values().forEach(f -> facts.add(new EntityFacts(FINDING, f.findingId(), plan.planId(),
                f.status().name(), null, null, null, f.removed(), Map.of())));
        plan.actions().values().forEach(a -> facts.add(new EntityFacts(ACTION, a.actionId(), a.findingId(),
                a.status().name(), a.percent(), a.compliant(), a.effective(), a.removed(),
                dates("dueOn", a.dueOn(), "implementedOn", a.implementedOn(), "closedOn", a.closedOn()))));
        plan.reports().values().forEach(r -> facts.add(new EntityFacts(REPORT, r.reportId(), plan.planId(),
                r.status().name(), null, null, null, false,
                r.period() == null ? Map.of() : Map.of("period", r.period()))));
        return facts;
    }

    private static Map<String, String> dates(Object... namesAndDays) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDays.length; i += 2) {
            LocalDate day = (LocalDate) namesAndDays[i + 1];
            if (day != null) {
                values.put((String) namesAndDays[i], day.toString());
            }
        }
        return values;
    }
}
