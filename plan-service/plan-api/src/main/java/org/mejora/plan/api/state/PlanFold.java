package org.mejora.plan.api.state;

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

import java.util.List;
import java.util.Map;

/**
 * What each plan event does to the state an auditor sees: the one definition, used by the Plan aggregate, plan-service's
 * views and reporting alike. Pure and total: {@code apply(state, event)} for every {@link PlanEvent}, dispatched
 * through {@link PlanEvent.Cases} so that an event this fold does not handle does not compile.
 */
public final class PlanFold {

    private PlanFold() {
    }

    /** @param before null before the plan's first event */
    public static PlanState apply(PlanState before, PlanEvent event) {
        return event.accept(new Step(before));
    }

    /** The state after all of {@code events}, in order. */
    public static PlanState replay(List<? extends PlanEvent> events) {
        PlanState state = null;
        for (PlanEvent event : events) {
            state = apply(state, event);
        }
        return state;
    }

    private static String endOf(ActionDetails details) {
        return details == null ? null : details.end();
    }

    private record Step(PlanState s) implements PlanEvent.Cases<PlanState> {

        @Override
        public PlanState on(PlanCreated e) {
            return new PlanState(e.planId(), e.institutionId(), e.kind(), PlanStatus.DRAFT, false, null, null,
                    Map.of(), Map.of(), Map.of());
        }

        @Override
        public PlanState on(PlanHeaderEdited e) {
            return s;
        }

        @Override
        public PlanState on(FindingAdded e) {
            return s.withFinding(e.findingId(),
                    f -> new FindingState(e.findingId(), e.number(), e.source(), FindingStatus.OPEN, false));
        }

        @Override
        public PlanState on(FindingEdited e) {
            return s.withFinding(e.findingId(),
                    f -> new FindingState(f.findingId(), e.number(), e.source(), f.status(), f.removed()));
        }

        @Override
        public PlanState on(FindingRemoved e) {
            return s.withoutFinding(e.findingId());
        }

        @Override
        public PlanState on(FindingClosed e) {
            return s.withFinding(e.findingId(), f -> f.with(FindingStatus.CLOSED));
        }

        @Override
        public PlanState on(FindingReopened e) {
            return s.withFinding(e.findingId(), f -> f.with(FindingStatus.OPEN));
        }

        @Override
        public PlanState on(ActionAdded e) {
            return s.withAction(e.actionId(), a -> new ActionState(e.actionId(), e.findingId(), e.details(),
                    ActionStatus.PLANNED, 0, null, null, null, ScheduleDates.lastDay(endOf(e.details())), null, null,
                    false, List.of(), DeadlineNotices.NONE));
        }

        @Override
        public PlanState on(ActionEdited e) {
            return s.withAction(e.actionId(), a -> a.withDetails(e.details()));
        }

        @Override
        public PlanState on(ActionRemoved e) {
            return s.withAction(e.actionId(), ActionState::asRemoved);
        }

        @Override
        public PlanState on(PlanSubmittedForReview e) {
            return s.with(PlanStatus.IN_REVIEW, false);
        }

        @Override
        public PlanState on(PlanReviewed e) {
            return s.with(s.status(), true);
        }

        @Override
        public PlanState on(PlanReviewRejected e) {
            return s.with(PlanStatus.DRAFT, false);
        }

        @Override
        public PlanState on(PlanApproved e) {
            return s.approved(e.approver() == null ? null : e.approver().date());
        }

        @Override
        public PlanState on(PlanExecutionStarted e) {
            return s.with(PlanStatus.IN_EXECUTION, s.reviewed());
        }

        @Override
        public PlanState on(PlanClosed e) {
            return s.closed(e.closedBy() == null ? null : e.closedBy().date());
        }

        /** A follow-up puts a planned action in progress, at the recorded percent, even 0 %. */
        @Override
        public PlanState on(ActionProgressRecorded e) {
            return s.withAction(e.actionId(),
                    a -> a.progressed(ActionStatus.IN_PROGRESS, e.percent(), e.evidence(), a.implementedOn()));
        }

        /** Implemented means carried out in full: 100 %, whatever the last follow-up said. */
        @Override
        public PlanState on(ActionImplemented e) {
            return s.withAction(e.actionId(),
                    a -> a.progressed(ActionStatus.IMPLEMENTED, 100, e.evidence(), e.implementedOn()));
        }

        @Override
        public PlanState on(ActionVerified e) {
            return s.withAction(e.actionId(), a -> a.verified(e.compliant(), e.effective()));
        }

        @Override
        public PlanState on(ActionClosed e) {
            return s.withAction(e.actionId(), a -> a.closed(ActionStatus.CLOSED, e.closedOn()));
        }

        /** Reopened (Abierta-A): in progress again, not closed, and its verification must be done again. */
        @Override
        public PlanState on(ActionReopened e) {
            return s.withAction(e.actionId(), a -> a.closed(ActionStatus.IN_PROGRESS, null).verified(null, null));
        }

        @Override
        public PlanState on(ActionMarkedNotImplemented e) {
            return s.withAction(e.actionId(), a -> a.with(ActionStatus.NOT_IMPLEMENTED));
        }

        @Override
        public PlanState on(ActionCancelled e) {
            return s.withAction(e.actionId(), a -> a.with(ActionStatus.CANCELLED));
        }

        @Override
        public PlanState on(FollowUpReportDrafted e) {
            return s.withReport(e.reportId(), r -> new ReportState(e.reportId(), e.period(),
                    r == null ? ReportStatus.DRAFT : r.status()));
        }

        @Override
        public PlanState on(FollowUpReportSubmitted e) {
            return s.withReport(e.reportId(), r -> new ReportState(e.reportId(), r == null ? null : r.period(),
                    ReportStatus.SUBMITTED));
        }

        @Override
        public PlanState on(ActionDeadlineNeared e) {
            return s.withAction(e.actionId(), a -> a.withNotices(a.notices().neared(e.dueOn(), e.daysLeft())));
        }

        @Override
        public PlanState on(ActionBecameOverdue e) {
            return s.withAction(e.actionId(), a -> a.withNotices(a.notices().becameOverdue(e.dueOn())));
        }

        @Override
        public PlanState on(ActionResponsiblesAssigned e) {
            return s.withAction(e.actionId(), a -> a.withResponsibles(e.userIds()));
        }
    }
}
