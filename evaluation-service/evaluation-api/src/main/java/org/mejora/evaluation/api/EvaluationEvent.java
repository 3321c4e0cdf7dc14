package org.mejora.evaluation.api;

/** Every event of a servant's evaluation stream; the aggregate id is {@link #evaluationId()}. */
public sealed interface EvaluationEvent permits ImprovementPlanRequired {

    String evaluationId();
}
