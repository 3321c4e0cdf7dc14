package org.mejora.plan.plan.query;

/** Lookups inside a plan document that exist because its events say so. */
final class PlanViews {

    private PlanViews() {
    }

    static PlanView.FindingView finding(PlanView plan, String findingId) {
        return plan.findings.stream().filter(f -> f.findingId.equals(findingId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no finding " + findingId + " in " + plan.planId));
    }

    static PlanView.ActionView action(PlanView plan, String actionId) {
        return plan.findings.stream().flatMap(f -> f.actions.stream()).filter(a -> a.actionId.equals(actionId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no action " + actionId + " in " + plan.planId));
    }

    static PlanView.ReportView report(PlanView plan, String reportId) {
        return plan.reports.stream().filter(r -> r.reportId.equals(reportId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no report " + reportId + " in " + plan.planId));
    }
}
