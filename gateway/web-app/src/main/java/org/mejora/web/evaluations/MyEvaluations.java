package org.mejora.web.evaluations;

import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations the API lists as the user's ({@code ?mine=true}: as servant or as supervisor), each with its
 * step against its stage's deadline as far as the user may know it.
 */
@Component
class MyEvaluations {

    private final Gateway gateway;
    private final StageDeadlines deadlines;
    private final Clock clock;

    MyEvaluations(Gateway gateway, StageDeadlines deadlines, Clock clock) {
        this.gateway = gateway;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    List<EvaluationRow> of(CurrentUser me) {
        return withDeadlines(gateway.list(Gateway.uri("/api/evaluations", Map.of("mine", true))), me);
    }

    /** A cycle's evaluations, for HR and auditors. */
    List<EvaluationRow> ofCycle(String cycleId, Deadlines cycleDeadlines) {
        return gateway.list("/api/evaluations?cycleId={id}", cycleId).stream()
                .map(summary -> EvaluationRow.of(summary, clock.getZone()).with(cycleDeadlines))
                .sorted(Comparator.comparing(EvaluationRow::servantName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private List<EvaluationRow> withDeadlines(List<Map<String, Object>> summaries, CurrentUser me) {
        Map<String, Deadlines> byCycle = new HashMap<>();
        return summaries.stream()
                .map(summary -> EvaluationRow.of(summary, clock.getZone()))
                .map(row -> row.with(byCycle.computeIfAbsent(row.cycleId(), cycle -> deadlines.of(cycle, me))))
                .sorted(Comparator.comparing(EvaluationRow::year).reversed()
                        .thenComparing(EvaluationRow::servantName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
