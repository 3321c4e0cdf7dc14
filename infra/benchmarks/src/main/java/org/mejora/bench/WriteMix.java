package org.mejora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The realistic write mix: each client thread walks plans through their life (create, findings and actions, the
 * three signatures, follow-ups, a follow-up report) as the users of one institution would. The mix is a table:
 * adding a step is one line. Steps whose endpoint the services do not offer are left out and reported.
 */
final class WriteMix {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Actor { OWNER, REVIEWER, APPROVER }

    /**
     * @param path    template; {@code {planId}} etc. are values captured from earlier steps of the same plan
     * @param capture the response field to remember under the same name, or null
     */
    record Step(String name, Actor actor, String method, String path, Function<Map<String, String>, String> body,
                String capture) {
    }

    static final List<Step> PLAN_LIFE = List.of(
            new Step("create plan", Actor.OWNER, "POST", "/api/plans", v -> """
                    {"kind":"AUDIT","title":"Plan de mejoramiento auditoría %s","institutionName":"ALCALDIA MUNICIPAL DE CALICA",
                     "auditedProcess":"Gestión Estratégica","procedures":"GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                     "responsible":"Directora de Planeación Estratégica","formatCode":"GEM-FM014","formatVersion":"02","period":"2021"}"""
                    .formatted(v.get("n")), "planId"),
            new Step("add finding", Actor.OWNER, "POST", "/api/plans/{planId}/findings", v -> """
                    {"number":"1","description":"Debilidad en el seguimiento de los indicadores del plan de desarrollo",
                     "source":{"type":"AUDIT"},"improvementArea":"Seguimiento y evaluación"}""", "findingId"),
            new Step("add action", Actor.OWNER, "POST", "/api/plans/{planId}/findings/{findingId}/actions", v -> """
                    {"number":"1.1","name":"Actualizar el procedimiento de seguimiento","description":"Revisar y ajustar GES-PR011",
                     "objective":"Contar con seguimiento trimestral","tasks":[{"number":1,"description":"Reunión con las áreas claves"}],
                     "goalIndicator":"Procedimiento actualizado","resources":"Humanos","responsibleUnit":"Planeación",
                     "responsibleRole":"Directora de Planeación","start":"jun-21","end":"dic-21","scheduledMonths":6}""",
                    "actionId"),
            new Step("submit for review", Actor.OWNER, "POST", "/api/plans/{planId}/submission",
                    v -> "{\"position\":\"Directora de Planeación Estratégica\"}", null),
            new Step("review", Actor.REVIEWER, "POST", "/api/plans/{planId}/review",
                    v -> "{\"position\":\"Jefe de Control Interno\",\"observations\":\"Sin observaciones\"}", null),
            new Step("approve", Actor.APPROVER, "POST", "/api/plans/{planId}/approval",
                    v -> "{\"position\":\"Alcalde Municipal\"}", null),
            new Step("start execution", Actor.APPROVER, "POST", "/api/plans/{planId}/execution",
                    v -> "{\"position\":\"Alcalde Municipal\"}", null),
            new Step("record follow-up 50%", Actor.OWNER, "POST", "/api/plans/{planId}/actions/{actionId}/progress",
                    v -> "{\"percent\":50,\"evidence\":\"Acta de reunión 12\",\"comment\":\"Avance según cronograma\"}",
                    null),
            new Step("record follow-up 100%", Actor.OWNER, "POST", "/api/plans/{planId}/actions/{actionId}/progress",
                    v -> "{\"percent\":100,\"evidence\":\"Procedimiento GES-PR011 v3 publicado\"}", null),
            new Step("draft follow-up report", Actor.OWNER, "POST", "/api/plans/{planId}/reports", v -> """
                    {"period":"2021-S2","objective":"Verificar el avance del plan","conclusions":"Avance conforme",
                     "preparedBy":"Oficina de Control Interno"}""", "reportId"));

    /** Figures of one (target, concurrency) run. */
    record Load(String target, int threads, double seconds, long commands, Histogram latencyMicros,
                Map<String, Long> errors, Map<String, Histogram> byStep) {

        double perSecond() {
            return commands / seconds;
        }
    }

    private final List<Step> steps;
    private final AtomicLong plans = new AtomicLong();

    WriteMix(List<Step> steps) {
        this.steps = steps;
    }

    /** The steps offered by the running services, in order; the first absent one ends every plan's walk there. */
    static List<Step> offered(Endpoints endpoints, List<Step> table, List<String> absent) {
        List<Step> offered = new ArrayList<>();
        for (Step step : table) {
            if (endpoints.has(step.method(), step.path()) && absent.isEmpty()) {
                offered.add(step);
            } else {
                absent.add(step.name());
            }
        }
        return offered;
    }

    Load run(Targets.Target target, int threads, Duration duration, Freshness freshness) throws InterruptedException {
        ConcurrentHistogram all = new ConcurrentHistogram(60_000_000L, 3);
        Map<String, Histogram> byStep = new ConcurrentHashMap<>();
        steps.forEach(step -> byStep.put(step.name(), new ConcurrentHistogram(60_000_000L, 3)));
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        LongAdder commands = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Targets.daemon("client-" + target.name()));
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    walk(target, deadline, all, byStep, errors, commands, freshness);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> errorCounts = new HashMap<>();
        errors.forEach((key, count) -> errorCounts.put(key, count.sum()));
        return new Load(target.name(), threads, seconds, commands.sum(), all, errorCounts, byStep);
    }

    private void walk(Targets.Target target, long deadline, Histogram all, Map<String, Histogram> byStep,
                      Map<String, LongAdder> errors, LongAdder commands, Freshness freshness) {
        long n = plans.incrementAndGet();
        // Five institutions; fresh users per plan, as many people work at once (the gateway limits each user).
        String institution = "bench-institution-" + (n % 5);
        Map<String, VerifiedUser> users = Map.of(
                "OWNER", user("owner-" + n, "Responsable " + n, Role.PLAN_OWNER, institution),
                "REVIEWER", user("reviewer-" + n, "Revisor " + n, Role.PLAN_REVIEWER, institution),
                "APPROVER", user("approver-" + n, "Aprobador " + n, Role.PLAN_APPROVER, institution));
        Map<String, String> values = new HashMap<>();
        values.put("n", Long.toString(n));
        int acknowledged = 0;
        for (Step step : steps) {
            if (System.nanoTime() >= deadline) {
                return;
            }
            String path = fill(step.path(), values);
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = target.send(step.method(), path, step.body().apply(values),
                        users.get(step.actor().name()));
                long acked = System.nanoTime();
                if (response.statusCode() / 100 != 2) {
                    errors.computeIfAbsent(step.name() + " → " + response.statusCode(), k -> new LongAdder())
                            .increment();
                    return;
                }
                long micros = (acked - sent) / 1000;
                all.recordValue(Math.min(micros, 60_000_000L));
                byStep.get(step.name()).recordValue(Math.min(micros, 60_000_000L));
                commands.increment();
                acknowledged++;
                if (step.capture() != null) {
                    JsonNode captured = JSON.readTree(response.body()).path(step.capture());
                    if (captured.isMissingNode()) {
                        errors.computeIfAbsent(step.name() + " → no " + step.capture(), k -> new LongAdder())
                                .increment();
                        return;
                    }
                    values.put(step.capture(), captured.asText());
                }
                if (freshness != null && values.containsKey("planId")) {
                    freshness.offer(values.get("planId"), institution, acknowledged, acked);
                }
            } catch (Exception e) {
                errors.computeIfAbsent(step.name() + " → " + e.getClass().getSimpleName(), k -> new LongAdder())
                        .increment();
                return;
            }
        }
    }

    static VerifiedUser user(String id, String name, Role role, String institution) {
        return new VerifiedUser(id, name, Set.of(role), institution);
    }

    static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }
}
