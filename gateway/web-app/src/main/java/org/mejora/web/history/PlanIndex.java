package org.mejora.web.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's findings and actions by id, as plan-service shows them now: to name the entities a history or a
 * comparison mentions, and to know which of them still have a page.
 */
public record PlanIndex(String planId, Map<String, Map<String, Object>> findings,
                        Map<String, Map<String, Object>> actions) {

    @SuppressWarnings("unchecked")
    public static PlanIndex of(Map<String, Object> plan) {
        Map<String, Map<String, Object>> findings = new HashMap<>();
        Map<String, Map<String, Object>> actions = new HashMap<>();
        for (Map<String, Object> finding : (List<Map<String, Object>>) plan.getOrDefault("findings", List.of())) {
            findings.put((String) finding.get("findingId"), finding);
            for (Map<String, Object> action : (List<Map<String, Object>>) finding.getOrDefault("actions", List.of())) {
                actions.put((String) action.get("actionId"), action);
            }
        }
        return new PlanIndex((String) plan.get("planId"), findings, actions);
    }

    public Map<String, Object> action(String actionId) {
        return actions.get(actionId);
    }

    /** "1.1 · Name", shortened: seed 001's action names run to a paragraph. */
    public String actionLabel(String actionId, String fallback) {
        Map<String, Object> action = actions.get(actionId);
        return action == null ? fallback : label(action.get("number"), action.get("name"));
    }

    public static String label(Object number, Object name) {
        String text = name == null ? "" : name.toString();
        if (text.length() > 90) {
            text = text.substring(0, 88).stripTrailing() + "…";
        }
        return number == null ? text : number + " · " + text;
    }
}
