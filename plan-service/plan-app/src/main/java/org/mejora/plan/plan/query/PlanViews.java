package org.mejora.plan.plan.query;

import org.mejora.plan.api.state.ActionState;
import org.mejora.plan.api.state.FindingState;
import org.mejora.plan.api.state.FindingStatus;
import org.mejora.plan.api.state.PlanState;

/** Lookups inside a plan document that exist because its events say so, and what the published state shows in it. */
final class PlanViews {

    private PlanViews() {
    }

    /** Writes into the view what plan-api's fold decided: statuses, progress, evidence, verification, due days. */
    static void show(PlanState state, PlanView plan) {
        plan.status = state.status().name();
        for (PlanView.FindingView finding : plan.findings) {
            FindingState published = state.findings().get(finding.findingId);
            finding.closed = published.status() == FindingStatus.CLOSED;
            for (PlanView.ActionView action : finding.actions) {
                ActionState facts = state.actions().get(action.actionId);
                action.status = facts.status().name();
                action.percent = facts.percent();
                action.evidence = facts.evidence();
                action.compliant = facts.compliant();
                action.effective = facts.effective();
                action.dueDate = facts.dueOn();
                action.responsibles = new java.util.ArrayList<>(facts.responsibles());
            }
        }
        for (PlanView.ReportView report : plan.reports) {
            report.status = state.reports().get(report.reportId).status().name();
        }
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
