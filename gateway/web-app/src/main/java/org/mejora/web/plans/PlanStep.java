package org.mejora.web.plans;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A signed step of a plan's workflow, by the API path it posts to ({@code /api/plans/{id}/<path>}) and the roles that
 * may take it, in the order plan-service picks the one the signature records.
 */
public enum PlanStep {
    SUBMISSION("submission", "PLAN_OWNER", "ADMIN"),
    REVIEW("review", "PLAN_REVIEWER", "ADMIN"),
    REJECTION("rejection", "PLAN_REVIEWER", "ADMIN"),
    APPROVAL("approval", "PLAN_APPROVER", "ADMIN"),
    EXECUTION("execution", "PLAN_APPROVER", "ADMIN"),
    CLOSURE("closure", "PLAN_APPROVER", "ADMIN");

    private final String path;
    private final List<String> roles;

    PlanStep(String path, String... roles) {
        this.path = path;
        this.roles = List.of(roles);
    }

    public String path() {
        return path;
    }

    List<String> roles() {
        return roles;
    }

    /** Only a rejection sends the plan back, so only its button looks like a warning. */
    public boolean sendsBack() {
        return this == REJECTION;
    }

    static Optional<PlanStep> at(String path) {
        return Arrays.stream(values()).filter(step -> step.path.equals(path)).findFirst();
    }
}
