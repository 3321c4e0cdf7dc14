package org.mejora.plan.api;

/** Every event of a plan's stream; the aggregate id is {@link #planId()}. */
public sealed interface PlanEvent permits ActionAdded,
        ActionBecameOverdue,
        ActionCancelled,
        ActionClosed,
        ActionDeadlineNeared,
        ActionEdited,
        ActionImplemented,
        ActionMarkedNotImplemented,
        ActionProgressRecorded,
        ActionRemoved,
        ActionReopened,
        ActionResponsiblesAssigned,
        ActionVerified,
        FindingAdded,
        FindingClosed,
        FindingEdited,
        FindingRemoved,
        FindingReopened,
        FollowUpReportDrafted,
        FollowUpReportSubmitted,
        PlanApproved,
        PlanClosed,
        PlanCreated,
        PlanExecutionStarted,
        PlanHeaderEdited,
        PlanReviewRejected,
        PlanReviewed,
        PlanSubmittedForReview {

    String planId();

    /**
     * Dispatches to the case of this event's type. Each record implements it, so a new event type does not compile
     * until {@link Cases} names it, and then every fold over the events fails to compile until it handles it.
     */
    <R> R accept(Cases<R> cases);

    /** One case per event of a plan: the exhaustive switch of Java 17. */
    interface Cases<R> {

        R on(ActionAdded event);

        R on(ActionBecameOverdue event);

        R on(ActionCancelled event);

        R on(ActionClosed event);

        R on(ActionDeadlineNeared event);

        R on(ActionEdited event);

        R on(ActionImplemented event);

        R on(ActionMarkedNotImplemented event);

        R on(ActionProgressRecorded event);

        R on(ActionRemoved event);

        R on(ActionReopened event);

        R on(ActionResponsiblesAssigned event);

        R on(ActionVerified event);

        R on(FindingAdded event);

        R on(FindingClosed event);

        R on(FindingEdited event);

        R on(FindingRemoved event);

        R on(FindingReopened event);

        R on(FollowUpReportDrafted event);

        R on(FollowUpReportSubmitted event);

        R on(PlanApproved event);

        R on(PlanClosed event);

        R on(PlanCreated event);

        R on(PlanExecutionStarted event);

        R on(PlanHeaderEdited event);

        R on(PlanReviewRejected event);

        R on(PlanReviewed event);

        R on(PlanSubmittedForReview event);
    }
}
