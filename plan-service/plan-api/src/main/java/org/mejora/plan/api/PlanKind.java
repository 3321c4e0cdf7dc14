package org.mejora.plan.api;

/** Where a plan comes from. */
public enum PlanKind {
    /** Plan de mejoramiento from an audit (seed 001, format GEM-FM014). */
    AUDIT,
    /** Plan de mejora institucional from a CAF self-assessment (seed 003). */
    CAF_SELF_ASSESSMENT,
    /** Plan de acción de mejora from the diagnostic of the performance evaluation (seed 000). */
    EVALUATION_DIAGNOSTIC,
    /** Plan de mejoramiento individual for one servant with a low evaluation result (seed 004, steps 18-20). */
    INDIVIDUAL
}
