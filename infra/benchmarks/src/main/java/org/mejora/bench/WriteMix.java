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

    /** Who takes a step; each walk has its own people (the gateway limits each user to 20 requests/s). */
    enum Actor {
        OWNER(Role.PLAN_OWNER), REVIEWER(Role.PLAN_REVIEWER), APPROVER(Role.PLAN_APPROVER), HR(Role.HR),
        SERVANT(Role.SERVANT), SUPERVISOR(Role.SUPERVISOR);

        private final Role role;

        Actor(Role role) {
            this.role = role;
        }

        VerifiedUser in(String institution, long walk) {
            String id = name().toLowerCase(java.util.Locale.ROOT) + "-" + walk;
            return user(id, id, role, institution);
        }
    }

    /**
     * @param path    template; {@code {planId}} etc. are values captured by earlier steps of the same walk
     * @param capture JSON pointer of a response value to remember under its last segment's name, or null
     * @param once    taken once per institution (an evaluation cycle), its capture shared by the institution's walks
     */
    record Step(String name, Actor actor, String method, String path, Function<Map<String, String>, String> body,
                String capture, boolean once) {

        Step(String name, Actor actor, String method, String path, Function<Map<String, String>, String> body,
             String capture) {
            this(name, actor, method, path, body, capture, false);
        }

        String captureName() {
            return capture.substring(capture.lastIndexOf('/') + 1);
        }
    }

    /** One kind of walk: the steps of a plan's or an evaluation's life, in order. */
    record Life(String name, List<Step> steps) {
    }

    static final Life PLAN_LIFE = new Life("plan", List.of(
            new Step("create plan", Actor.OWNER, "POST", "/api/plans", v -> """
                    {"kind":"AUDIT","title":"Plan de mejoramiento auditoría %s","institutionName":"ALCALDIA MUNICIPAL DE CALICA",
                     "auditedProcess":"Gestión Estratégica","procedures":"GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                     "responsible":"Directora de Planeación Estratégica","formatCode":"GEM-FM014","formatVersion":"02","period":"2021"}"""
                    .formatted(v.get("n")), "/planId"),
            new Step("add finding", Actor.OWNER, "POST", "/api/plans/{planId}/findings", v -> """
                    {"number":"1","description":"Debilidad en el seguimiento de los indicadores del plan de desarrollo",
                     "source":{"type":"AUDIT"},"improvementArea":"Seguimiento y evaluación"}""", "/findingId"),
            new Step("add action", Actor.OWNER, "POST", "/api/plans/{planId}/findings/{findingId}/actions", v -> """
                    {"number":"1.1","name":"Actualizar el procedimiento de seguimiento","description":"Revisar y ajustar GES-PR011",
                     "objective":"Contar con seguimiento trimestral","tasks":[{"number":1,"description":"Reunión con las áreas claves"}],
                     "goalIndicator":"Procedimiento actualizado","resources":"Humanos","responsibleUnit":"Planeación",
                     "responsibleRole":"Directora de Planeación","start":"jun-21","end":"dic-21","scheduledMonths":6}""",
                    "/actionId"),
            new Step("submit for review", Actor.OWNER, "POST", "/api/plans/{planId}/submission",
                    v -> "{}", null),
            new Step("review", Actor.REVIEWER, "POST", "/api/plans/{planId}/review",
                    v -> "{\"observations\":\"Sin observaciones\"}", null),
            new Step("approve", Actor.APPROVER, "POST", "/api/plans/{planId}/approval",
                    v -> "{}", null),
            new Step("start execution", Actor.APPROVER, "POST", "/api/plans/{planId}/execution",
                    v -> "{}", null),
            new Step("record follow-up 50%", Actor.OWNER, "POST", "/api/plans/{planId}/actions/{actionId}/progress",
                    v -> "{\"percent\":50,\"evidence\":\"Acta de reunión 12\",\"comment\":\"Avance según cronograma\"}",
                    null),
            new Step("record follow-up 100%", Actor.OWNER, "POST", "/api/plans/{planId}/actions/{actionId}/progress",
                    v -> "{\"percent\":100,\"evidence\":\"Procedimiento GES-PR011 v3 publicado\"}", null),
            new Step("draft follow-up report", Actor.OWNER, "POST", "/api/plans/{planId}/reports", v -> """
                    {"period":"2021-S2","objective":"Verificar el avance del plan","conclusions":"Avance conforme",
                     "preparedBy":"Oficina de Control Interno"}""", "/reportId")));

    /** Formulation of a servant's goals (P-TH-10 steps 4-6) in the institution's yearly cycle. */
    static final Life EVALUATION_LIFE = new Life("evaluation", List.of(
            new Step("open evaluation cycle", Actor.HR, "POST", "/api/cycles", v -> """
                    {"year":2026,"name":"Evaluación de la gestión 2026",
                     "stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},{"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
                               {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
                     "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},{"name":"Satisfactorio","minScore":65,"maxScore":90},
                              {"name":"Sobresaliente","minScore":90,"maxScore":100}],
                     "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                     "competencies":["Orientación a resultados","Trabajo en equipo"]}""", "/cycleId", true),
            new Step("assign servant", Actor.HR, "POST", "/api/cycles/{cycleId}/assignments", v -> """
                    {"assignments":[{"servantId":"servant-%s","servantName":"Servidor %s","supervisorId":"supervisor-%s",
                     "supervisorName":"Jefe %s"}]}""".formatted(v.get("n"), v.get("n"), v.get("n"), v.get("n")),
                    "/evaluations/0/evaluationId"),
            new Step("submit goals", Actor.SERVANT, "POST", "/api/evaluations/{evaluationId}/goals/submit", v -> """
                    {"goals":[{"description":"Elaborar el informe de demanda","deliverable":"Informe publicado",
                               "weight":60,"agreedPercentI":50,"agreedPercentII":100},
                              {"description":"Actualizar el sistema de información","deliverable":"Sistema actualizado",
                               "weight":40,"agreedPercentI":40,"agreedPercentII":100}]}""", null),
            new Step("approve goals", Actor.SUPERVISOR, "POST", "/api/evaluations/{evaluationId}/goals/approve",
                    v -> "{}", null),
            new Step("accept goals", Actor.SERVANT, "POST", "/api/evaluations/{evaluationId}/goals/accept",
                    v -> "{}", null)));

    /** Figures of one (target, concurrency) run. */
    record Load(String target, int threads, double seconds, long commands, Histogram latencyMicros,
                Map<String, Long> errors, Map<String, Histogram> byStep) {

        double perSecond() {
            return commands / seconds;
        }
    }

    /** A once-per-institution step another walk already took: nothing sent, nothing acknowledged. */
    private static final long SHARED = Long.MIN_VALUE;

    private final List<Life> lives;
    private final AtomicLong walks = new AtomicLong();
    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** @param lives the kinds of walk, taken in turn */
    WriteMix(List<Life> lives) {
        this.lives = lives;
    }

    /**
     * The part of {@code life} the running services offer: its steps up to the first whose endpoint is absent
     * (later steps depend on it), each absent step named in {@code absent}.
     */
    static Life offered(Endpoints endpoints, Life life, List<String> absent) {
        List<Step> offered = new ArrayList<>();
        for (Step step : life.steps()) {
            if (endpoints.has(step.method(), step.path()) && offered.size() == life.steps().indexOf(step)) {
                offered.add(step);
            } else {
                absent.add(life.name() + ": " + step.name());
            }
        }
        return new Life(life.name(), offered);
    }

    /**
     * Runs the mix; {@code freshness} samples its acknowledgements. A run without one (the direct baseline) is still
     * probed by the open {@link Freshness#active()}, whose samples the caller drains unread: the probing reads load
     * the machine alike in both runs, and only the gateway's run is timed for freshness.
     */
    Load run(Targets.Target target, int threads, Duration duration, Freshness freshness) throws InterruptedException {
        Freshness probing = freshness != null ? freshness : Freshness.active();
        ConcurrentHistogram all = new ConcurrentHistogram(60_000_000L, 3);
        Map<String, Histogram> byStep = new ConcurrentHashMap<>();
        lives.forEach(life -> life.steps().forEach(step ->
                byStep.put(step.name(), new ConcurrentHistogram(60_000_000L, 3))));
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        LongAdder commands = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Targets.daemon("client-" + target.name()));
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    walk(target, deadline, all, byStep, errors, commands, probing);
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
        long n = walks.incrementAndGet();
        Life life = lives.get((int) (n % lives.size()));
        // Five institutions, each with its own evaluation cycle.
        String institution = "bench-institution-" + (n % 5);
        Map<String, String> values = new HashMap<>();
        values.put("n", Long.toString(n));
        int acknowledged = 0;
        for (Step step : life.steps()) {
            if (System.nanoTime() >= deadline) {
                return;
            }
            Long acked;
            if (step.once()) {
                String key = institution + "/" + step.name();
                synchronized (locks.computeIfAbsent(key, k -> new Object())) {
                    String known = shared.get(key);
                    acked = known != null ? Long.valueOf(SHARED) : take(target, step, institution, n, values, all, byStep,
                            errors, commands);
                    if (known != null) {
                        values.put(step.captureName(), known);
                    } else if (acked != null) {
                        shared.put(key, values.get(step.captureName()));
                    }
                }
            } else {
                acked = take(target, step, institution, n, values, all, byStep, errors, commands);
            }
            if (acked == null) {
                return;
            }
            if (acked == SHARED) {
                continue;
            }
            acknowledged++;
            if (freshness != null && life.name().equals(PLAN_LIFE.name())) {
                freshness.offer(values.get("planId"), institution, acknowledged, acked);
            }
        }
    }

    /** Takes one step; its acknowledgement time, or null when it failed (counted in {@code errors}). */
    private Long take(Targets.Target target, Step step, String institution, long n, Map<String, String> values,
                      Histogram all, Map<String, Histogram> byStep, Map<String, LongAdder> errors,
                      LongAdder commands) {
        try {
            long sent = System.nanoTime();
            HttpResponse<String> response = target.send(step.method(), fill(step.path(), values),
                    step.body().apply(values), step.actor().in(institution, n));
            long acked = System.nanoTime();
            if (response.statusCode() / 100 != 2) {
                errors.computeIfAbsent(step.name() + " → " + response.statusCode(), k -> new LongAdder()).increment();
                return null;
            }
            long micros = Math.min((acked - sent) / 1000, 60_000_000L);
            all.recordValue(micros);
            byStep.get(step.name()).recordValue(micros);
            commands.increment();
            if (step.capture() != null) {
                JsonNode captured = JSON.readTree(response.body()).at(step.capture());
                if (captured.isMissingNode()) {
                    errors.computeIfAbsent(step.name() + " → no " + step.capture(), k -> new LongAdder()).increment();
                    return null;
                }
                values.put(step.captureName(), captured.asText());
            }
            return acked;
        } catch (Exception e) {
            errors.computeIfAbsent(step.name() + " → " + e.getClass().getSimpleName(), k -> new LongAdder())
                    .increment();
            return null;
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
