package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.mejora.web.evaluations.Values.map;
import static org.mejora.web.evaluations.Values.maps;
import static org.mejora.web.evaluations.Values.text;

/**
 * Every step of an evaluation from reporting's audit history: who, in which role, when, why, and the status it
 * moved from and to. Reporting reads the events from Kafka, so the last step may take a moment to appear.
 */
@Component
class EvaluationHistory {

    /** Reporting pages at most 200 entries; a yearly evaluation has a few dozen steps. */
    private static final int PAGE = 200;

    private final Gateway gateway;
    private final Clock clock;

    EvaluationHistory(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The steps these pages name in words; an event of a newer kind is shown by its type. */
    private static final Set<String> KNOWN = Set.of("EvaluationOpened", "GoalsSubmitted", "GoalsApproved",
            "GoalsRejected", "GoalsModified", "GoalsAccepted", "GoalsNotAccepted", "SelfEvaluationSubmitted",
            "SelfEvaluationApproved", "SelfEvaluationRejected", "SelfEvaluationModified", "SelfEvaluationAccepted",
            "SelfEvaluationNotAccepted", "CompetenciesRated", "FinalResultAccepted", "FinalResultNotAccepted",
            "EvaluationConsolidated", "ImprovementPlanRequired");

    /** One step; {@code followUp} is I or II for the self-evaluation steps, null otherwise. */
    public record Entry(String at, String actorName, String actorId, String role, String eventType, String followUp,
                        String fromStatus, String toStatus, String reason) {

        public boolean known() {
            return KNOWN.contains(eventType);
        }
    }

    /**
     * The entries in order; none yet when reporting has not seen the evaluation (a 404 there); empty when reporting
     * cannot answer, so the evaluation itself, which evaluation-service serves, still shows.
     */
    Optional<List<Entry>> of(String evaluationId) {
        Map<String, Object> page;
        try {
            page = gateway.get("/api/reports/history/evaluations/{id}?size={size}", evaluationId, PAGE);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return Optional.of(List.of());
            }
            if (problem.status() >= 500) {
                return Optional.empty();
            }
            throw problem;
        }
        return Optional.of(maps(page.get("items")).stream().map(this::entry).toList());
    }

    private Entry entry(Map<String, Object> entry) {
        Map<String, Object> actor = map(entry.get("actor"));
        Map<String, Object> status = maps(entry.get("changes")).stream()
                .filter(change -> "status".equals(change.get("field"))).findFirst().orElse(Map.of());
        return new Entry(Values.moment(entry.get("occurredAt"), clock.getZone()), text(actor.get("name")),
                text(actor.get("userId")), text(actor.get("role")), text(entry.get("eventType")),
                text(map(entry.get("event")).get("followUp")), text(status.get("from")), text(status.get("to")),
                text(entry.get("reason")));
    }
}
