package org.mejora.evaluation.api;

/** Every event of a servant's evaluation stream; the aggregate id is {@link #evaluationId()}. */
public sealed interface EvaluationEvent permits EvaluationOpened, GoalsSubmitted, GoalsApproved, GoalsRejected,
        GoalsModified, GoalsAccepted, GoalsNotAccepted, SelfEvaluationSubmitted, SelfEvaluationApproved,
        SelfEvaluationRejected, SelfEvaluationModified, SelfEvaluationAccepted, SelfEvaluationNotAccepted,
        CompetenciesRated, FinalResultAccepted, FinalResultNotAccepted, EvaluationConsolidated,
        ImprovementPlanRequired, EvaluationStepDeadlineNeared, EvaluationStepOverdue {

    String evaluationId();

    /**
     * Dispatches to the case of this event's type. Each record implements it, so a new event type does not compile
     * until {@link Cases} names it, and then every fold over the events fails to compile until it handles it.
     */
    <R> R accept(Cases<R> cases);

    /** One case per event: the exhaustive switch of Java 17. */
    interface Cases<R> {

        R on(EvaluationOpened event);

        R on(GoalsSubmitted event);

        R on(GoalsApproved event);

        R on(GoalsRejected event);

        R on(GoalsModified event);

        R on(GoalsAccepted event);

        R on(GoalsNotAccepted event);

        R on(SelfEvaluationSubmitted event);

        R on(SelfEvaluationApproved event);

        R on(SelfEvaluationRejected event);

        R on(SelfEvaluationModified event);

        R on(SelfEvaluationAccepted event);

        R on(SelfEvaluationNotAccepted event);

        R on(CompetenciesRated event);

        R on(FinalResultAccepted event);

        R on(FinalResultNotAccepted event);

        R on(EvaluationConsolidated event);

        R on(ImprovementPlanRequired event);

        R on(EvaluationStepDeadlineNeared event);

        R on(EvaluationStepOverdue event);
    }
}
