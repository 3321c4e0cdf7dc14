package org.mejora.web.evaluations;

import java.util.Arrays;
import java.util.List;

/**
 * Where an evaluation stands in P-TH-10 (seed 004), as evaluation-service names it, with the activity number of the
 * procedure, the stage HR consolidates it in, and who must act next. The order is the procedure's.
 */
public enum Status {
    GOALS_FORMULATION(4, "FORMULATION", "SERVANT"),
    GOALS_IN_REVIEW(5, "FORMULATION", "SUPERVISOR"),
    GOALS_AWAITING_ACCEPTANCE(6, "FORMULATION", "SERVANT"),
    SELF_EVALUATION_I(8, "SELF_EVALUATION_I", "SERVANT"),
    SELF_EVALUATION_I_IN_REVIEW(9, "SELF_EVALUATION_I", "SUPERVISOR"),
    SELF_EVALUATION_I_AWAITING_ACCEPTANCE(10, "SELF_EVALUATION_I", "SERVANT"),
    SELF_EVALUATION_II(12, "SELF_EVALUATION_II", "SERVANT"),
    SELF_EVALUATION_II_IN_REVIEW(13, "SELF_EVALUATION_II", "SUPERVISOR"),
    COMPETENCIES_RATING(14, "SELF_EVALUATION_II", "SUPERVISOR"),
    FINAL_RESULT_AWAITING_ACCEPTANCE(15, "SELF_EVALUATION_II", "SERVANT"),
    COMPLETED(16, null, "HR"),
    CONSOLIDATED(16, null, null);

    /** The stages HR consolidates and closes, in order. */
    public static final List<String> STAGES = List.of("FORMULATION", "SELF_EVALUATION_I", "SELF_EVALUATION_II");

    private final int activity;
    private final String stage;
    private final String actor;

    Status(int activity, String stage, String actor) {
        this.activity = activity;
        this.stage = stage;
        this.actor = actor;
    }

    static Status of(Object name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(String.valueOf(name))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown evaluation status " + name));
    }

    /** The activity of P-TH-10 this status waits on (4 to 16). */
    public int activity() {
        return activity;
    }

    /** FORMULATION, SELF_EVALUATION_I or SELF_EVALUATION_II; null once the servant accepted the final result. */
    public String stage() {
        return stage;
    }

    /** SERVANT, SUPERVISOR or HR: whose move it is; null when nothing is left to do. */
    public String actor() {
        return actor;
    }

    public boolean waitsOnServant() {
        return "SERVANT".equals(actor);
    }

    public boolean waitsOnSupervisor() {
        return "SUPERVISOR".equals(actor);
    }

    /** Whether the evaluation is already past this status (the procedure's progress on screen). */
    public boolean isPast(Status other) {
        return ordinal() > other.ordinal();
    }

    /** Every status in the procedure's order, for the progress list. */
    public static List<Status> procedure() {
        return List.of(values());
    }
}
