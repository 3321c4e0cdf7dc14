package org.mejora.plan.plan.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mejora.envelope.EventMetadata;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionBecameOverdue;
import org.mejora.plan.api.ActionCancelled;
import org.mejora.plan.api.ActionClosed;
import org.mejora.plan.api.ActionDeadlineNeared;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionMarkedNotImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.ActionRemoved;
import org.mejora.plan.api.ActionReopened;
import org.mejora.plan.api.ActionResponsiblesAssigned;
import org.mejora.plan.api.ActionVerified;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.FindingClosed;
import org.mejora.plan.api.FindingEdited;
import org.mejora.plan.api.FindingRemoved;
import org.mejora.plan.api.FindingReopened;
import org.mejora.plan.api.FollowUpReportDrafted;
import org.mejora.plan.api.FollowUpReportSubmitted;
import org.mejora.plan.api.PlanApproved;
import org.mejora.plan.api.PlanClosed;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanEvent;
import org.mejora.plan.api.PlanExecutionStarted;
import org.mejora.plan.api.PlanHeaderEdited;
import org.mejora.plan.api.PlanReviewRejected;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.state.PlanFold;
import org.mejora.plan.api.state.PlanState;
import org.mejora.plan.deadline.ActionDeadlines;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps {@code plan_view} in step with the plans' events. A subscribing processor: the view changes in the
 * transaction of the command, so a client reads its own writes.
 */
@Component
@ProcessingGroup(PlanProjection.GROUP)
public class PlanProjection {

    public static final String GROUP = "plan-views";

    private final PlanViewStore store;
    private final EventStore eventStore;
    private final ActionDeadlines deadlines;

    PlanProjection(PlanViewStore store, EventStore eventStore, ActionDeadlines deadlines) {
        this.store = store;
        this.eventStore = eventStore;
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(PlanCreated event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by) {
        PlanView plan = new PlanView();
        plan.planId = event.planId();
        plan.institutionId = event.institutionId();
        plan.kind = event.kind().name();
        plan.individual = event.individual();
        plan.separationOfDutiesRelaxed = event.relaxesSeparationOfDuties();
        plan.createdAt = at;
        plan.createdBy = by;
        header(plan, event.title(), event.institutionName(), event.auditedProcess(), event.procedures(),
                event.responsible(), event.subscriptionDate(), event.formatCode(), event.formatVersion(),
                event.period());
        PlanState state = PlanFold.apply(null, event);
        PlanViews.show(state, plan);
        plan.version = sequence;
        store.insert(plan, state, at);
    }

    @EventHandler
    void on(PlanHeaderEdited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> header(plan, e.title(), e.institutionName(), e.auditedProcess(),
                e.procedures(), e.responsible(), e.subscriptionDate(), e.formatCode(), e.formatVersion(),
                e.period()));
    }

    @EventHandler
    void on(FindingAdded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            PlanView.FindingView finding = new PlanView.FindingView();
            finding.findingId = e.findingId();
            plan.findings.add(finding);
            finding(finding, e.number(), e.description(), e.source(), e.improvementArea());
        });
    }

    @EventHandler
    void on(FindingEdited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> finding(PlanViews.finding(plan, e.findingId()), e.number(), e.description(),
                e.source(), e.improvementArea()));
    }

    @EventHandler
    void on(FindingRemoved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> plan.findings.removeIf(f -> f.findingId.equals(e.findingId())));
    }

    @EventHandler
    void on(FindingClosed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> PlanViews.finding(plan, e.findingId()));
    }

    @EventHandler
    void on(FindingReopened e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> PlanViews.finding(plan, e.findingId()));
    }

    @EventHandler
    void on(ActionAdded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = new PlanView.ActionView();
            action.actionId = e.actionId();
            action.findingId = e.findingId();
            details(action, e.details());
            PlanViews.finding(plan, e.findingId()).actions.add(action);
        });
    }

    @EventHandler
    void on(ActionEdited e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> details(PlanViews.action(plan, e.actionId()), e.details()));
    }

    @EventHandler
    void on(ActionRemoved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> PlanViews.finding(plan, e.findingId()).actions
                .removeIf(a -> a.actionId.equals(e.actionId())));
    }

    @EventHandler
    void on(PlanSubmittedForReview e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            plan.submittedBy = e.responsible();
            plan.reviewedBy = null;
            plan.reviewObservations = null;
        });
    }

    @EventHandler
    void on(PlanReviewed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            plan.reviewedBy = e.reviewer();
            plan.reviewObservations = e.observations();
        });
    }

    @EventHandler
    void on(PlanReviewRejected e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            PlanView.Rejection rejection = new PlanView.Rejection();
            rejection.reviewer = e.reviewer();
            rejection.reason = e.reason();
            plan.rejections.add(rejection);
        });
    }

    @EventHandler
    void on(PlanApproved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            plan.approvedBy = e.approver();
        });
    }

    @EventHandler
    void on(PlanExecutionStarted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            plan.executionStartedBy = e.startedBy();
        });
    }

    @EventHandler
    void on(PlanClosed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            plan.closedBy = e.closedBy();
        });
    }

    @EventHandler
    void on(ActionProgressRecorded e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by, @MetaDataValue(EventMetadata.ACTOR_ROLE) String role) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = PlanViews.action(plan, e.actionId());
            PlanView.FollowUpView followUp = followUp(action, "PROGRESS", e.recordedOn(), by, role, at);
            followUp.percent = e.percent();
            followUp.evidence = e.evidence();
            followUp.comment = e.comment();
            followUp.reason = e.reason();
            followUp.files = new java.util.ArrayList<>(e.files());
            action.files.addAll(e.files());
        });
    }

    @EventHandler
    void on(ActionImplemented e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by, @MetaDataValue(EventMetadata.ACTOR_ROLE) String role) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = PlanViews.action(plan, e.actionId());
            PlanView.FollowUpView followUp = followUp(action, "IMPLEMENTED", e.implementedOn(), by, role, at);
            followUp.percent = 100;
            followUp.evidence = e.evidence();
            followUp.comment = e.comment();
        });
    }

    @EventHandler
    void on(ActionVerified e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by, @MetaDataValue(EventMetadata.ACTOR_ROLE) String role) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = PlanViews.action(plan, e.actionId());
            action.verificationObservations = e.observations();
            action.verifiedBy = e.verifier();
            PlanView.FollowUpView followUp = followUp(action, "VERIFIED", e.verifier().date(), by, role, at);
            followUp.compliant = e.compliant();
            followUp.effective = e.effective();
            followUp.comment = e.observations();
            followUp.files = new java.util.ArrayList<>(e.files());
            action.files.addAll(e.files());
        });
    }

    @EventHandler
    void on(ActionClosed e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by, @MetaDataValue(EventMetadata.ACTOR_ROLE) String role) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = PlanViews.action(plan, e.actionId());
            followUp(action, "CLOSED", e.closedOn(), by, role, at);
        });
    }

    @EventHandler
    void on(ActionReopened e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by, @MetaDataValue(EventMetadata.ACTOR_ROLE) String role) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = PlanViews.action(plan, e.actionId());
            action.verificationObservations = null;
            action.verifiedBy = null;
            followUp(action, "REOPENED", null, by, role, at).reason = e.reason();
        });
    }

    @EventHandler
    void on(ActionMarkedNotImplemented e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by, @MetaDataValue(EventMetadata.ACTOR_ROLE) String role) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = PlanViews.action(plan, e.actionId());
            action.justification = e.justification();
            followUp(action, "NOT_IMPLEMENTED", null, by, role, at).reason = e.justification();
        });
    }

    @EventHandler
    void on(ActionCancelled e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR_NAME) String by, @MetaDataValue(EventMetadata.ACTOR_ROLE) String role) {
        change(e, sequence, at, plan -> {
            PlanView.ActionView action = PlanViews.action(plan, e.actionId());
            action.justification = e.justification();
            followUp(action, "CANCELLED", null, by, role, at).reason = e.justification();
        });
    }

    @EventHandler
    void on(FollowUpReportDrafted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            PlanView.ReportView report = plan.reports.stream().filter(r -> r.reportId.equals(e.reportId()))
                    .findFirst().orElseGet(() -> {
                        PlanView.ReportView created = new PlanView.ReportView();
                        created.reportId = e.reportId();
                        plan.reports.add(created);
                        return created;
                    });
            report.period = e.period();
            report.antecedents = e.antecedents();
            report.legalBase = e.legalBase();
            report.objective = e.objective();
            report.conclusions = e.conclusions();
            report.recommendations = e.recommendations();
            report.preparedBy = e.preparedBy();
        });
    }

    @EventHandler
    void on(FollowUpReportSubmitted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> {
            PlanView.ReportView report = PlanViews.report(plan, e.reportId());
            report.signedBy = e.responsible();
            report.actions = new ArrayList<>(e.actions());
        });
    }

    /**
     * The view's own columns change as {@code change} says; what an auditor sees (statuses, progress, verification)
     * is copied from plan-api's fold, never decided here.
     */
    /** The deadline facts change no column of the document, but the plan's version moves on with them. */
    @EventHandler
    void on(ActionDeadlineNeared e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> PlanViews.action(plan, e.actionId()));
    }

    @EventHandler
    void on(ActionBecameOverdue e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> PlanViews.action(plan, e.actionId()));
    }

    /** The responsibles are shown from the published state (PlanViews.show). */
    @EventHandler
    void on(ActionResponsiblesAssigned e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e, sequence, at, plan -> PlanViews.action(plan, e.actionId()));
    }

    private void change(PlanEvent event, long sequence, Instant at, Consumer<PlanView> change) {
        PlanViewStore.Stored stored = store.load(event.planId());
        PlanState before = stored.state() != null ? stored.state() : replayBefore(event.planId(), sequence);
        PlanState state = PlanFold.apply(before, event);
        PlanView plan = stored.view();
        change.accept(plan);
        PlanViews.show(state, plan);
        plan.version = sequence;
        store.update(plan, state, at);
        deadlines.changed(before, state);
    }

    /** A row written before the state was kept: the state is the fold of the plan's events before this one. */
    private PlanState replayBefore(String planId, long sequence) {
        List<PlanEvent> events = eventStore.readEvents(planId).asStream()
                .filter(message -> message.getSequenceNumber() < sequence)
                .map(message -> (PlanEvent) message.getPayload())
                .toList();
        return PlanFold.replay(events);
    }

    private static void header(PlanView plan, String title, String institutionName, String auditedProcess,
                               String procedures, String responsible, LocalDate subscriptionDate, String formatCode,
                               String formatVersion, String period) {
        plan.title = title;
        plan.institutionName = institutionName;
        plan.auditedProcess = auditedProcess;
        plan.procedures = procedures;
        plan.responsible = responsible;
        plan.subscriptionDate = subscriptionDate;
        plan.formatCode = formatCode;
        plan.formatVersion = formatVersion;
        plan.period = period;
    }

    private static void finding(PlanView.FindingView finding, String number, String description,
                                org.mejora.plan.api.FindingSource source, String improvementArea) {
        finding.number = number;
        finding.description = description;
        finding.source = source;
        finding.improvementArea = improvementArea;
    }

    private static void details(PlanView.ActionView action, ActionDetails details) {
        action.number = details.number();
        action.name = details.name();
        action.description = details.description();
        action.objective = details.objective();
        action.tasks = new ArrayList<>(details.tasks());
        action.goalIndicator = details.goalIndicator();
        action.resources = details.resources();
        action.responsibleUnit = details.responsibleUnit();
        action.responsibleRole = details.responsibleRole();
        action.technicalDirection = details.technicalDirection();
        action.start = details.start();
        action.end = details.end();
        action.scheduledMonths = details.scheduledMonths();
        action.comments = details.comments();
    }

    private static PlanView.FollowUpView followUp(PlanView.ActionView action, String type, LocalDate date, String by,
                                                  String role, Instant at) {
        PlanView.FollowUpView followUp = new PlanView.FollowUpView();
        followUp.type = type;
        followUp.date = date;
        followUp.by = by;
        followUp.role = role;
        followUp.at = at;
        action.followUps.add(followUp);
        return followUp;
    }
}
