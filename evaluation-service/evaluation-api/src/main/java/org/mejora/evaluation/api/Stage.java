package org.mejora.evaluation.api;

/** The stages of P-TH-10 that HR consolidates and closes (steps 7, 11 and 16). */
public enum Stage {
    /** Goals and objectives (metas y objetivos), steps 4-6. */
    FORMULATION,
    /** Self-evaluation of the first follow-up (autoevaluación I seguimiento), steps 8-10. */
    SELF_EVALUATION_I,
    /** Self-evaluation of the second follow-up, competencies and the final result, steps 12-15. */
    SELF_EVALUATION_II
}
