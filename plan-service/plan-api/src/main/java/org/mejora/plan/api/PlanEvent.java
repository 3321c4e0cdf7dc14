package org.mejora.plan.api;

/** Every event of a plan's stream; the aggregate id is {@link #planId()}. */
public sealed interface PlanEvent permits ActionAdded,
        ActionCancelled,
        ActionClosed,
        ActionEdited,
        ActionImplemented,
        ActionMarkedNotImplemented,
        ActionProgressRecorded,
        ActionRemoved,
        ActionReopened,
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
}
