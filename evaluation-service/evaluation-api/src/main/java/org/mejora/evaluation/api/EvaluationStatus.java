package org.mejora.evaluation.api;

/** Where a servant's evaluation stands in P-TH-10, and the stage that step belongs to (null once complete). */
public enum EvaluationStatus {
    /** Step 4. */
    GOALS_FORMULATION(Stage.FORMULATION),
    /** Step 5. */
    GOALS_IN_REVIEW(Stage.FORMULATION),
    /** Step 6. */
    GOALS_AWAITING_ACCEPTANCE(Stage.FORMULATION),
    /** Step 8. */
    SELF_EVALUATION_I(Stage.SELF_EVALUATION_I),
    /** Step 9. */
    SELF_EVALUATION_I_IN_REVIEW(Stage.SELF_EVALUATION_I),
    /** Step 10. */
    SELF_EVALUATION_I_AWAITING_ACCEPTANCE(Stage.SELF_EVALUATION_I),
    /** Step 12. */
    SELF_EVALUATION_II(Stage.SELF_EVALUATION_II),
    /** Step 13. */
    SELF_EVALUATION_II_IN_REVIEW(Stage.SELF_EVALUATION_II),
    /** Step 14. */
    COMPETENCIES_RATING(Stage.SELF_EVALUATION_II),
    /** Step 15. */
    FINAL_RESULT_AWAITING_ACCEPTANCE(Stage.SELF_EVALUATION_II),
    /** The servant accepted the final result; HR has yet to consolidate it (step 16). */
    COMPLETED(null),
    CONSOLIDATED(null);

    private final Stage stage;

    EvaluationStatus(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    /** Whether this evaluation is past every step of {@code other}. */
    public boolean isPast(Stage other) {
        return stage == null || stage.compareTo(other) > 0;
    }
}
