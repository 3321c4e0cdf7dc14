package org.mejora.web.plans;

import org.mejora.web.config.CurrentUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the signed-in user may do with a plan in its current state, mirroring plan-service's rules so that a button
 * appears only when it would be accepted: owners edit drafts and submit those with actions; reviewers review or
 * reject a submitted plan not yet reviewed; approvers approve a reviewed plan, start an approved one and close one
 * whose actions all ended.
 * ADMIN does anything; on an individual plan its servant and supervisor act as owners.
 *
 * @param submissionWaits the user could submit the draft but it has no action yet (plan-service refuses it)
 * @param closureWaits    the user could close the plan but some of its actions have not ended: say so, no button
 * @param openActions     actions that have not ended yet (closed, not implemented or cancelled)
 */
public record PlanRights(boolean editable, List<PlanStep> steps, boolean submissionWaits, boolean closureWaits,
                         int openActions) {

    private static final Set<String> ENDED = Set.of("CLOSED", "NOT_IMPLEMENTED", "CANCELLED");

    public boolean may(PlanStep step) {
        return steps.contains(step);
    }

    static PlanRights of(CurrentUser me, Map<String, Object> plan) {
        String status = (String) plan.get("status");
        boolean reviewed = plan.get("reviewedBy") != null;
        int actions = PlanDrafts.findings(plan).stream().mapToInt(finding -> PlanDrafts.actions(finding).size())
                .sum();
        int open = openActions(plan);
        List<PlanStep> steps = new ArrayList<>();
        for (PlanStep step : PlanStep.values()) {
            boolean stateAllows = switch (step) {
                case SUBMISSION -> "DRAFT".equals(status) && actions > 0;
                case REVIEW, REJECTION -> "IN_REVIEW".equals(status) && !reviewed;
                case APPROVAL -> "IN_REVIEW".equals(status) && reviewed;
                case EXECUTION -> "APPROVED".equals(status);
                case CLOSURE -> "IN_EXECUTION".equals(status) && open == 0;
            };
            if (stateAllows && roleFor(me, plan, step) != null) {
                steps.add(step);
            }
        }
        boolean editable = "DRAFT".equals(status) && roleFor(me, plan, PlanStep.SUBMISSION) != null;
        boolean submissionWaits = editable && actions == 0;
        boolean closureWaits = "IN_EXECUTION".equals(status) && open > 0
                && roleFor(me, plan, PlanStep.CLOSURE) != null;
        return new PlanRights(editable, List.copyOf(steps), submissionWaits, closureWaits, open);
    }

    /** The role the step's signature will record for this user, or null when the user may not take it. */
    static String roleFor(CurrentUser me, Map<String, Object> plan, PlanStep step) {
        if (step == PlanStep.SUBMISSION && plan.get("individual") instanceof Map<?, ?> individual) {
            if (Objects.equals(me.userId(), individual.get("servantId")) && me.has("SERVANT")) {
                return "SERVANT";
            }
            if (Objects.equals(me.userId(), individual.get("supervisorId")) && me.has("SUPERVISOR")) {
                return "SUPERVISOR";
            }
        }
        return step.roles().stream().filter(me::has).findFirst().orElse(null);
    }

    private static int openActions(Map<String, Object> plan) {
        int open = 0;
        for (Map<String, Object> finding : PlanDrafts.findings(plan)) {
            for (Map<String, Object> action : PlanDrafts.actions(finding)) {
                if (!ENDED.contains(action.get("status"))) {
                    open++;
                }
            }
        }
        return open;
    }
}
