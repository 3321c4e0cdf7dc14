package org.mejora.plan.plan.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.plan.api.FollowUpReportLine;
import org.mejora.plan.api.PlanEvent;
import org.mejora.plan.api.state.ActionStatus;
import org.mejora.plan.api.state.EntityFacts;
import org.mejora.plan.api.state.InstitutionTime;
import org.mejora.plan.api.state.PlanFacts;
import org.mejora.plan.api.state.PlanFold;
import org.mejora.plan.api.state.PlanState;
import org.mejora.plan.plan.command.ReportColumns;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the API reads: plans with today's overdue flags, and draft reports with the actions as they stand. */
@Service
public class PlanQueries {

    private final PlanViewStore store;
    private final Clock clock;
    private final EventStore eventStore;

    PlanQueries(PlanViewStore store, Clock clock, EventStore eventStore) {
        this.store = store;
        this.clock = clock;
        this.eventStore = eventStore;
    }

    /** The plan with its findings and actions as of today, without their follow-ups ({@link #followUps}). */
    public Optional<PlanView> plan(String planId) {
        return store.find(planId).map(this::asOfToday);
    }

    /** The plan's header alone (no findings or actions): enough to decide who may act on it, and its version. */
    public Optional<PlanView> header(String planId) {
        return store.header(planId);
    }

    /** A page of an action's follow-ups, oldest first; empty when the plan shows no such action. */
    public Optional<Page<PlanView.FollowUpView>> followUps(String planId, String actionId, PageRequest page) {
        return store.followUps(planId, actionId, page);
    }

    /** @param reader when not null, only the plans where this user is the servant or the supervisor */
    public Page<PlanSummary> plans(String institutionId, String status, String kind, String reader,
                                   PageRequest page) {
        return store.list(institutionId, status, kind, reader, page);
    }

    /** Every plan, finding, action and report of the institution as plan-api's fold left it, removed ones included. */
    public List<EntityFacts> facts(String institutionId) {
        return store.states(institutionId).stream()
                .map(stored -> stored.state().orElseGet(() -> replay(stored.planId())))
                .flatMap(state -> PlanFacts.of(state).stream()).toList();
    }

    /** A plan whose view row predates the published state: the fold of its events, from the event store. */
    private PlanState replay(String planId) {
        return PlanFold.replay(eventStore.readEvents(planId, 0).asStream()
                .map(message -> (PlanEvent) message.getPayload()).toList());
    }

    private PlanView asOfToday(PlanView plan) {
        LocalDate today = InstitutionTime.today(clock);
        for (PlanView.FindingView finding : plan.findings) {
            for (PlanView.ActionView action : finding.actions) {
                action.overdue = ActionStatus.valueOf(action.status).overdue(action.dueDate, today);
            }
        }
        for (PlanView.ReportView report : plan.reports) {
            if ("DRAFT".equals(report.status)) {
                report.actions = currentLines(plan);
            }
        }
        return plan;
    }

    private static List<FollowUpReportLine> currentLines(PlanView plan) {
        List<FollowUpReportLine> lines = new ArrayList<>();
        for (PlanView.FindingView finding : plan.findings) {
            for (PlanView.ActionView action : finding.actions) {
                lines.add(new FollowUpReportLine(action.number, ReportColumns.factor(finding.source), action.name,
                        action.start, action.end, ReportColumns.description(action.description, action.objective),
                        ReportColumns.status(ActionStatus.valueOf(action.status)), action.evidence, action.files));
            }
        }
        return lines;
    }
}
