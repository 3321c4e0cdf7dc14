package org.mejora.evaluation.api;

/** Every event of a servant's evaluation stream; the aggregate id is {@link #evaluationId()}. */
public sealed interface EvaluationEvent permits EvaluationOpened, GoalsSubmitted, GoalsApproved, GoalsRejected,
        GoalsModified, GoalsAccepted, GoalsNotAccepted, SelfEvaluationSubmitted, SelfEvaluationApproved,
        SelfEvaluationRejected, SelfEvaluationModified, SelfEvaluationAccepted, SelfEvaluationNotAccepted,
        CompetenciesRated, FinalResultAccepted, FinalResultNotAccepted, EvaluationConsolidated,
        ImprovementPlanRequired {

    String evaluationId();
}
