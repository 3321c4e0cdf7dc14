package org.mejora.web.evaluations;

import org.mejora.web.api.Gateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mejora.web.evaluations.Values.map;
import static org.mejora.web.evaluations.Values.maps;
import static org.mejora.web.evaluations.Values.text;

/**
 * The individual improvement plan plan-service opened for an evaluation under the threshold, and how far it has
 * gone. Found among the servant's individual plans by the evaluation it names, never by guessing its id.
 */
@Component
class IndividualPlans {

    private final Gateway gateway;

    IndividualPlans(Gateway gateway) {
        this.gateway = gateway;
    }

    /** A plan and its progress: its actions (removed ones aside), their mean percent and how many have ended. */
    public record Progress(String planId, String title, String status, int actions, long averagePercent,
                           long ended) {
    }

    Optional<Progress> of(String evaluationId, String servantId) {
        return gateway.list(Gateway.uri("/api/plans", Map.of("kind", "INDIVIDUAL"))).stream()
                .filter(plan -> servantId.equals(plan.get("servantId")))
                .map(plan -> gateway.get("/api/plans/{id}", plan.get("planId")))
                .filter(plan -> evaluationId.equals(map(plan.get("individual")).get("evaluationId")))
                .findFirst()
                .map(IndividualPlans::progress);
    }

    private static Progress progress(Map<String, Object> plan) {
        List<Map<String, Object>> actions = maps(plan.get("findings")).stream()
                .flatMap(finding -> maps(finding.get("actions")).stream())
                .filter(action -> !"REMOVED".equals(action.get("status")))
                .toList();
        long average = Math.round(actions.stream()
                .mapToDouble(action -> ((Number) action.getOrDefault("percent", 0)).doubleValue())
                .average().orElse(0));
        long ended = actions.stream()
                .filter(action -> !"PLANNED".equals(action.get("status"))
                        && !"IN_PROGRESS".equals(action.get("status")))
                .count();
        return new Progress(text(plan.get("planId")), text(plan.get("title")), text(plan.get("status")),
                actions.size(), average, ended);
    }
}
