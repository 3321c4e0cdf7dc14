package org.mejora.plan.api.state;

import org.mejora.plan.api.PlanKind;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A plan with its findings, actions and follow-up reports as an auditor sees them, after its events so far: the
 * result of {@link PlanFold}. The aggregate decides commands on it; the producer's views and reporting show it.
 * Removed findings and actions stay in the maps, marked removed; the {@code live…} methods leave them out.
 *
 * @param reviewed   the reviewer signed ("Revisa") since the last submission: the plan awaits approval
 * @param approvedOn the approver's signature date
 * @param closedOn   the date the plan was closed
 */
public record PlanState(
        String planId,
        String institutionId,
        PlanKind kind,
        PlanStatus status,
        boolean reviewed,
        LocalDate approvedOn,
        LocalDate closedOn,
        Map<String, FindingState> findings,
        Map<String, ActionState> actions,
        Map<String, ReportState> reports) {

    public PlanState {
        findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
    }

    public Optional<FindingState> liveFinding(String findingId) {
        return Optional.ofNullable(findings.get(findingId)).filter(f -> !f.removed());
    }

    public Optional<ActionState> liveAction(String actionId) {
        return Optional.ofNullable(actions.get(actionId)).filter(a -> !a.removed());
    }

    public List<FindingState> liveFindings() {
        return findings.values().stream().filter(f -> !f.removed()).toList();
    }

    public List<ActionState> liveActions() {
        return actions.values().stream().filter(a -> !a.removed()).toList();
    }

    public List<ActionState> liveActionsOf(String findingId) {
        return liveActions().stream().filter(a -> a.findingId().equals(findingId)).toList();
    }

    /** A finding is done when every action it keeps (cancelled ones aside) is closed and verified effective. */
    public boolean findingDone(String findingId) {
        List<ActionState> kept = liveActionsOf(findingId).stream()
                .filter(a -> a.status() != ActionStatus.CANCELLED).toList();
        return !kept.isEmpty() && kept.stream()
                .allMatch(a -> a.status() == ActionStatus.CLOSED && Boolean.TRUE.equals(a.effective()));
    }

    /** The actions that keep the plan from closing: any not yet closed, not implemented or cancelled. */
    public long unfinishedActions() {
        return liveActions().stream().filter(a -> !a.status().isFinal()).count();
    }

    PlanState with(PlanStatus newStatus, boolean isReviewed) {
        return new PlanState(planId, institutionId, kind, newStatus, isReviewed, approvedOn, closedOn, findings,
                actions, reports);
    }

    PlanState approved(LocalDate on) {
        return new PlanState(planId, institutionId, kind, PlanStatus.APPROVED, reviewed, on, closedOn, findings,
                actions, reports);
    }

    PlanState closed(LocalDate on) {
        return new PlanState(planId, institutionId, kind, PlanStatus.CLOSED, reviewed, approvedOn, on, findings,
                actions, reports);
    }

    PlanState withFinding(String findingId, UnaryOperator<FindingState> change) {
        Map<String, FindingState> changed = new LinkedHashMap<>(findings);
        changed.compute(findingId, (id, finding) -> change.apply(finding));
        return new PlanState(planId, institutionId, kind, status, reviewed, approvedOn, closedOn, changed, actions,
                reports);
    }

    PlanState withAction(String actionId, UnaryOperator<ActionState> change) {
        Map<String, ActionState> changed = new LinkedHashMap<>(actions);
        changed.compute(actionId, (id, action) -> change.apply(action));
        return new PlanState(planId, institutionId, kind, status, reviewed, approvedOn, closedOn, findings, changed,
                reports);
    }

    /** Removing a finding removes the actions under it. */
    PlanState withoutFinding(String findingId) {
        Map<String, ActionState> changed = new LinkedHashMap<>(actions);
        changed.replaceAll((id, action) -> action.findingId().equals(findingId) ? action.asRemoved() : action);
        return new PlanState(planId, institutionId, kind, status, reviewed, approvedOn, closedOn, findings, changed,
                reports).withFinding(findingId, FindingState::asRemoved);
    }

    PlanState withReport(String reportId, UnaryOperator<ReportState> change) {
        Map<String, ReportState> changed = new LinkedHashMap<>(reports);
        changed.compute(reportId, (id, report) -> change.apply(report));
        return new PlanState(planId, institutionId, kind, status, reviewed, approvedOn, closedOn, findings, actions,
                changed);
    }
}
