package org.mejora.web.plans;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan as a form about it needs it: with the version the user sees (sent back as If-Match, so a stale edit is a
 * 409), its findings and actions by id, and the guard that a form is offered only to whom may send it.
 */
@Component
class PlanDrafts {

    /** The plan and its ETag, e.g. {@code "12"}. */
    record Versioned(Map<String, Object> plan, String version) {
    }

    private final Gateway gateway;
    private final MessageSource messages;

    PlanDrafts(Gateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    Versioned load(String planId) {
        ResponseEntity<Map<String, Object>> answer = gateway.getVersioned("/api/plans/{id}", planId);
        return new Versioned(answer.getBody(), answer.getHeaders().getETag());
    }

    /** Editing is for the plan's owners while it is a draft: otherwise the forbidden or the conflict page. */
    Versioned loadEditable(String planId, CurrentUser me) {
        Versioned loaded = load(planId);
        if (PlanRights.roleFor(me, loaded.plan(), PlanStep.SUBMISSION) == null) {
            throw refusal(403, "plans.error.not-owner");
        }
        if (!"DRAFT".equals(loaded.plan().get("status"))) {
            throw refusal(409, "plans.error.not-draft");
        }
        return loaded;
    }

    ApiProblem refusal(int status, String key) {
        return new ApiProblem(status, Map.of("detail",
                messages.getMessage(key, null, LocaleContextHolder.getLocale())));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> findings(Map<String, Object> plan) {
        return (List<Map<String, Object>>) plan.getOrDefault("findings", List.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> actions(Map<String, Object> finding) {
        return (List<Map<String, Object>>) finding.getOrDefault("actions", List.of());
    }

    Map<String, Object> finding(Map<String, Object> plan, String findingId) {
        return findings(plan).stream().filter(finding -> Objects.equals(findingId, finding.get("findingId")))
                .findFirst().orElseThrow(() -> refusal(404, "plans.error.no-finding"));
    }

    Map<String, Object> action(Map<String, Object> plan, String actionId) {
        return findings(plan).stream().flatMap(finding -> actions(finding).stream())
                .filter(action -> Objects.equals(actionId, action.get("actionId")))
                .findFirst().orElseThrow(() -> refusal(404, "plans.error.no-action"));
    }
}
