package org.mejora.web.actions;

import org.mejora.web.config.CurrentUser;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An action with its plan and finding as plan-service shows them, the version the forms send back (If-Match), and
 * which follow-up steps this user may take now. Steps are offered only while the plan is in execution and the
 * action's status allows them; the service decides in the end.
 *
 * @param dates the action's start, end and due day, and the day it was verified, in words
 */
public record ActionScreen(Map<String, Object> plan, Map<String, Object> finding, Map<String, Object> action,
                           String version, String status, String planStatus, Dates dates, boolean mayOwn,
                           boolean mayCancel, boolean mayVerify, boolean readsHistory) {

    private static final Set<String> OPEN = Set.of("PLANNED", "IN_PROGRESS");

    public record Dates(String start, String end, String due, String verified) {
    }

    /** Who acts on an individual plan: its servant and their supervisor, as its owners. */
    static boolean ownsIndividualPlan(CurrentUser me, Map<String, Object> plan) {
        if (!(plan.get("individual") instanceof Map<?, ?> individual)) {
            return false;
        }
        return me.userId().equals(individual.get("servantId")) && me.has("SERVANT")
                || me.userId().equals(individual.get("supervisorId")) && me.has("SUPERVISOR");
    }

    public String planId() {
        return (String) plan.get("planId");
    }

    public String actionId() {
        return (String) action.get("actionId");
    }

    public String statusCode() {
        return (String) action.get("status");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> tasks() {
        return (List<Map<String, Object>>) action.getOrDefault("tasks", List.of());
    }

    public boolean inExecution() {
        return "IN_EXECUTION".equals(plan.get("status"));
    }

    public boolean open() {
        return OPEN.contains(statusCode());
    }

    public boolean overdue() {
        return Boolean.TRUE.equals(action.get("overdue"));
    }

    public int percent() {
        return action.get("percent") instanceof Number n ? n.intValue() : 0;
    }

    public boolean verified() {
        return action.get("compliant") != null;
    }

    /** Record progress, mark implemented or not implemented: the owner's steps on an open action. */
    public boolean canFollowUp() {
        return inExecution() && mayOwn && open();
    }

    public boolean canCancel() {
        return inExecution() && mayCancel && (open() || "IMPLEMENTED".equals(statusCode()));
    }

    public boolean canVerify() {
        return inExecution() && mayVerify && "IMPLEMENTED".equals(statusCode());
    }

    /** Closing needs a verification that found the action compliant. */
    public boolean canClose() {
        return canVerify() && Objects.equals(Boolean.TRUE, action.get("compliant"));
    }

    public boolean canReopen() {
        return inExecution() && mayVerify && "CLOSED".equals(statusCode());
    }

    public boolean anyStep() {
        return canFollowUp() || canCancel() || canVerify() || canReopen();
    }
}
