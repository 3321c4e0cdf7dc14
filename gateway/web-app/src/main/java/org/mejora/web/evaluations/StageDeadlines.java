package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.mejora.web.evaluations.Values.maps;
import static org.mejora.web.evaluations.Values.text;

/**
 * A cycle's deadlines as far as the user may read them. evaluation-service lets only HR and auditors read a cycle;
 * a supervisor learns from the evaluation dashboard which evaluations are late; a servant, today, from nowhere.
 * The cycle is asked first for everyone, so the pages show deadlines to whoever the service lets read them.
 */
@Component
class StageDeadlines {

    private final Gateway gateway;
    private final Clock clock;

    StageDeadlines(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Deadlines of(String cycleId, CurrentUser me) {
        try {
            return ofCycle(gateway.get("/api/cycles/{id}", cycleId));
        } catch (ApiProblem problem) {
            if (problem.status() != 403) {
                throw problem;
            }
        }
        if (!me.has("SUPERVISOR")) {
            return Deadlines.unknown(today());
        }
        Map<String, Object> dashboard;
        try {
            // Late as of the institution's day, as the rest of the pages count it (reporting's default is UTC's).
            dashboard = gateway.get("/api/reports/dashboards/evaluations?cycleId={id}&today={today}&size=" + Gateway.PAGE_SIZE, cycleId,
                    today());
        } catch (ApiProblem problem) {
            // The deadlines only add to the page: without reporting, the supervisor still sees the evaluations.
            if (problem.status() >= 500) {
                return Deadlines.unknown(today());
            }
            throw problem;
        }
        Map<String, Lateness> late = new HashMap<>();
        for (Map<String, Object> step : maps(dashboard.get("lateSteps"))) {
            late.put(text(step.get("evaluationId")), new Lateness(text(step.get("stage")),
                    LocalDate.parse(text(step.get("deadline"))), ((Number) step.get("daysLate")).longValue(), true,
                    false));
        }
        return new Deadlines(today(), Map.of(), Set.of(), late);
    }

    Deadlines ofCycle(Map<String, Object> cycle) {
        Map<String, LocalDate> byStage = new HashMap<>();
        Set<String> closed = new HashSet<>();
        for (Map<String, Object> stage : maps(cycle.get("stages"))) {
            String name = text(stage.get("stage"));
            if (stage.get("deadline") != null) {
                byStage.put(name, LocalDate.parse(text(stage.get("deadline"))));
            }
            if (stage.get("closedAt") != null) {
                closed.add(name);
            }
        }
        return new Deadlines(today(), byStage, closed, Map.of());
    }
}
