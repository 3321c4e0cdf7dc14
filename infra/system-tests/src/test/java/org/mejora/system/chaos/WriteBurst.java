package org.mejora.system.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.mejora.testing.Api;
import org.mejora.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mixed write burst through the gateway, as several people of one institution at once: plan owners build plans
 * (findings, actions, submit, review, approve, execution, follow-ups), HR opens cycles whose servants walk P-TH-10
 * to a final result under the threshold and are consolidated, which requires an individual improvement plan.
 * A command counts once the gateway answered it 2xx; a client whose command fails (a fault) drops that entity and
 * starts a new one, so that it never sends a command whose predecessor may not have happened.
 */
final class WriteBurst {

    /** What the clients were told was done, per entity: the facts a fault must not lose. */
    static final class Ledger {
        /** plan id -> acknowledged commands on that plan (its creation included). */
        final Map<String, AtomicInteger> plans = new ConcurrentHashMap<>();
        /** action id -> its plan id. */
        final Map<String, String> actions = new ConcurrentHashMap<>();
        /** evaluation id -> acknowledged commands on it (its opening included). */
        final Map<String, AtomicInteger> evaluations = new ConcurrentHashMap<>();
        /** evaluation id -> its status in the last acknowledged answer. */
        final Map<String, String> evaluationStatus = new ConcurrentHashMap<>();
        /**
         * evaluations whose last command got no acknowledgement: a process that died after the command committed
         * and before its answer left it applied, so the evaluation may stand one step past its acknowledged status.
         */
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        /** evaluations whose cycle's consolidation was acknowledged with a result under the threshold. */
        final Map<String, String> consolidated = new ConcurrentHashMap<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        /** Why commands failed (status and the start of the problem, or the exception), with how often. */
        final Map<String, Integer> reasons = new ConcurrentHashMap<>();
    }

    /** The statuses an evaluation of the burst walks through, in order (consolidation last). */
    static final List<String> EVALUATION_WALK = List.of("GOALS_FORMULATION", "GOALS_IN_REVIEW",
            "GOALS_AWAITING_ACCEPTANCE", "SELF_EVALUATION_I", "SELF_EVALUATION_I_IN_REVIEW",
            "SELF_EVALUATION_I_AWAITING_ACCEPTANCE", "SELF_EVALUATION_II", "SELF_EVALUATION_II_IN_REVIEW",
            "COMPETENCIES_RATING", "FINAL_RESULT_AWAITING_ACCEPTANCE", "COMPLETED", "CONSOLIDATED");

    private static final String GOALS = """
            {"goals":[{"description":"Elaborar el informe","deliverable":"Informe publicado","weight":60,
                       "agreedPercentI":50,"agreedPercentII":100},
                      {"description":"Actualizar el sistema","deliverable":"Sistema actualizado","weight":40,
                       "agreedPercentI":40,"agreedPercentII":100}]}""";
    private static final String LOW_COMPLIANCE = """
            {"compliance":[{"goalNumber":1,"compliancePercent":30,"evidence":"Acta"},
                           {"goalNumber":2,"compliancePercent":20,"evidence":"Notas"}]}""";

    private final String gatewayUrl;
    private final Api gateway;
    private final String institution;
    private final int clients;
    private final Ledger ledger = new Ledger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger scripts = new AtomicInteger();
    private ExecutorService pool;
    private long startedAt;
    private long stoppedAt;

    WriteBurst(String gatewayUrl, String institution, int clients) {
        this.gatewayUrl = gatewayUrl;
        this.gateway = Api.at(gatewayUrl);
        this.institution = institution;
        this.clients = clients;
    }

    void start() {
        running.set(true);
        pool = Executors.newFixedThreadPool(clients);
        startedAt = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                while (running.get()) {
                    int script = scripts.incrementAndGet();
                    try {
                        // Four plans for every evaluation cycle: roughly the share of the two in an institution.
                        if (client % 4 == 3) {
                            evaluation(script);
                        } else {
                            plan(script);
                        }
                    } catch (RuntimeException | AssertionError refusedOrUnreachable) {
                        ledger.reasons.merge(reason(refusedOrUnreachable), 1, Integer::sum);
                        ledger.failed.incrementAndGet();
                        ChaosCluster.sleep(200);
                    }
                }
            });
        }
    }

    void stop() {
        running.set(false);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stoppedAt = System.nanoTime();
    }

    Ledger ledger() {
        return ledger;
    }

    double seconds() {
        return (stoppedAt - startedAt) / 1e9;
    }

    /** Acknowledged commands per second over the whole burst. */
    double throughput() {
        return ledger.acknowledged.get() / seconds();
    }

    private void plan(int script) {
        Api owner = as("owner-" + script, "PLAN_OWNER");
        JsonNode created = ok(owner.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de caos %d","period":"2026"}""".formatted(script)));
        String planId = created.get("planId").asText();
        AtomicInteger commands = new AtomicInteger(1);
        ledger.plans.put(planId, commands);
        String base = "/api/plans/" + planId;
        String findingId = ok(owner.post(base + "/findings", """
                {"number":"H1","description":"Hallazgo de caos"}""")).get("findingId").asText();
        commands.incrementAndGet();
        List<String> actions = new ArrayList<>();
        for (int a = 1; a <= 2; a++) {
            String actionId = ok(owner.post(base + "/findings/" + findingId + "/actions", """
                    {"number":"%d","name":"Acción %d","start":"2024-01","end":"2030-T2"}""".formatted(a, a)))
                    .get("actionId").asText();
            commands.incrementAndGet();
            ledger.actions.put(actionId, planId);
            actions.add(actionId);
        }
        if (!running.get()) {
            return;
        }
        Api reviewer = as("reviewer-" + script, "PLAN_REVIEWER");
        Api approver = as("approver-" + script, "PLAN_APPROVER");
        ok(owner.post(base + "/submission", "{}"));
        commands.incrementAndGet();
        ok(reviewer.post(base + "/review", "{}"));
        commands.incrementAndGet();
        ok(approver.post(base + "/approval", "{}"));
        commands.incrementAndGet();
        ok(approver.post(base + "/execution", "{}"));
        commands.incrementAndGet();
        // Follow-ups: progress on each action, then the first one implemented.
        for (int percent : new int[] {25, 50}) {
            for (String actionId : actions) {
                ok(owner.post(base + "/actions/" + actionId + "/progress", """
                        {"percent":%d,"evidence":"Acta de seguimiento","reason":"Avance del periodo"}"""
                        .formatted(percent)));
                commands.incrementAndGet();
            }
        }
        ok(owner.post(base + "/actions/" + actions.get(0) + "/implementation", "{\"evidence\":\"Informe final\"}"));
        commands.incrementAndGet();
    }

    private void evaluation(int script) {
        Api hr = as("hr-" + script, "HR");
        String cycleId = ok(hr.post("/api/cycles", """
                {"year":2026,"stages":[{"stage":"FORMULATION","deadline":"2030-03-31"},
                                       {"stage":"SELF_EVALUATION_I","deadline":"2030-07-31"},
                                       {"stage":"SELF_EVALUATION_II","deadline":"2031-02-28"}],
                 "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                          {"name":"Satisfactorio","minScore":65,"maxScore":90},
                          {"name":"Sobresaliente","minScore":90,"maxScore":100}],
                 "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                 "competencies":["Orientación a resultados","Trabajo en equipo"]}""")).get("cycleId").asText();
        String supervisor = "boss-" + script;
        String servantId = "servant-" + script;
        JsonNode assigned = ok(hr.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/cycles/" + cycleId
                        + "/assignments"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("servantId,servantName,supervisorId,supervisorName\n"
                        + servantId + ",Servidor " + script + "," + supervisor + ",Jefe " + script + "\n"))));
        String evaluationId = assigned.get("evaluations").get(0).get("evaluationId").asText();
        AtomicInteger commands = new AtomicInteger(1);
        ledger.evaluations.put(evaluationId, commands);
        ledger.evaluationStatus.put(evaluationId, "GOALS_FORMULATION");
        Api servant = as(servantId, "SERVANT");
        Api boss = as(supervisor, "SUPERVISOR");
        String path = "/api/evaluations/" + evaluationId;
        String status = "GOALS_FORMULATION";
        while (!status.equals("COMPLETED")) {
            ledger.unanswered.add(evaluationId);
            JsonNode after = switch (status) {
                case "GOALS_FORMULATION" -> ok(servant.post(path + "/goals/submit", GOALS));
                case "GOALS_IN_REVIEW" -> ok(boss.post(path + "/goals/approve", "{}"));
                case "GOALS_AWAITING_ACCEPTANCE" -> ok(servant.post(path + "/goals/accept", "{}"));
                case "SELF_EVALUATION_I" -> ok(servant.post(path + "/self-evaluations/I/submit", LOW_COMPLIANCE));
                case "SELF_EVALUATION_I_IN_REVIEW" -> ok(boss.post(path + "/self-evaluations/I/approve", "{}"));
                case "SELF_EVALUATION_I_AWAITING_ACCEPTANCE" ->
                        ok(servant.post(path + "/self-evaluations/I/accept", "{}"));
                case "SELF_EVALUATION_II" -> ok(servant.post(path + "/self-evaluations/II/submit", LOW_COMPLIANCE));
                case "SELF_EVALUATION_II_IN_REVIEW" -> ok(boss.post(path + "/self-evaluations/II/approve", "{}"));
                case "COMPETENCIES_RATING" -> ok(boss.post(path + "/competencies", """
                        {"ratings":[{"competency":"Orientación a resultados","score":40},
                                    {"competency":"Trabajo en equipo","score":50}]}"""));
                case "FINAL_RESULT_AWAITING_ACCEPTANCE" -> ok(servant.post(path + "/final-result/accept", "{}"));
                default -> throw new IllegalStateException("evaluation " + evaluationId + " stopped at " + status);
            };
            commands.incrementAndGet();
            status = after.get("status").asText();
            ledger.evaluationStatus.put(evaluationId, status);
            ledger.unanswered.remove(evaluationId);
        }
        ledger.unanswered.add(evaluationId);
        ok(hr.post("/api/cycles/" + cycleId + "/consolidate", "{}"));
        commands.incrementAndGet();
        ledger.consolidated.put(evaluationId, cycleId);
        ledger.unanswered.remove(evaluationId);
    }

    private Api as(String user, String role) {
        return gateway.bearer(TestTokens.token(user, institution, role))
                .with(Map.of("Accept-Language", "en"));
    }

    /** The answer of an acknowledged command, counted; anything else ends the script. */
    private JsonNode ok(Api.Response response) {
        if (response.status() < 200 || response.status() > 299) {
            throw new Refused(response.status() + " " + response.text());
        }
        ledger.acknowledged.incrementAndGet();
        return response.body().length == 0 ? null : response.json();
    }

    private static String reason(Throwable failure) {
        String text = failure instanceof Refused ? failure.getMessage()
                : failure.getClass().getSimpleName() + (failure.getCause() != null
                ? ": " + failure.getCause().getClass().getSimpleName() : "");
        return text.length() > 90 ? text.substring(0, 90) : text;
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
