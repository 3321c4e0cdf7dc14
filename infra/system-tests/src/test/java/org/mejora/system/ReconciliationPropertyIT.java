package org.mejora.system;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mejora.identity.Role;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random valid command sequences driven through the real plan-, evaluation- and reporting-service over HTTP: after
 * each batch, reporting's state of every plan, finding, action, follow-up report, cycle and evaluation of the
 * batch's institution reconciles with what the producers hold, without a single difference. Each sequence is a
 * script of intents; it is run against a model of what is valid now, so every command it sends is one the services
 * must accept.
 */
class ReconciliationPropertyIT {

    static final int BATCHES = 25;
    static final int SEQUENCES_PER_BATCH = 20;
    private static final int PARALLEL = 12;
    private static final int[] STEPS = {0, 25, 50, 75, 100};

    private static SystemUnderTest system;
    private static ExecutorService pool;
    private static final AtomicInteger SEQUENCES = new AtomicInteger();
    private static long startedAt;

    @BeforeContainer
    static void startSystem() {
        system = SystemUnderTest.get();
        pool = Executors.newFixedThreadPool(PARALLEL);
        startedAt = System.nanoTime();
    }

    @AfterContainer
    static void reportFigures() {
        if (pool != null) {
            pool.shutdownNow();
        }
        System.out.printf("RECONCILIATION %d random sequences reconciled in %.1f s%n", SEQUENCES.get(),
                (System.nanoTime() - startedAt) / 1e9);
    }

    @Property(tries = BATCHES, shrinking = ShrinkingMode.OFF)
    void reportingAgreesWithTheProducersAfterAnyValidSequence(@ForAll("batches") List<Script> batch)
            throws InterruptedException {
        String institution = TestIdentities.newInstitution();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Script script = batch.get(i);
            int index = i;
            runs.add(pool.submit(() -> script.run(new Users(institution), index)));
        }
        for (Future<?> run : runs) {
            try {
                run.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a sequence of " + batch + " failed", e.getCause());
            }
        }
        SEQUENCES.addAndGet(batch.size());
        Api auditor = reporting(institution, "auditor", Role.AUDITOR);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.Response answer = auditor.get("/api/reports/reconciliation");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("differences")).as("differences of %s after %s", institution, batch)
                    .isEmpty();
            assertThat(answer.json().get("reportingEntities").asInt())
                    .isEqualTo(answer.json().get("producerEntities").asInt()).isPositive();
        });
    }

    @Example
    void onlyAnAuditorOfTheInstitutionOrAPlatformAdministratorReconciles() {
        String institution = TestIdentities.newInstitution();
        new PlanScript(1, 1, List.of(), false, List.of()).run(new Users(institution), 0);
        String path = "/api/reports/reconciliation?institutionId=" + institution;

        Api.Response otherAdmin = reporting("elsewhere", "admin", Role.ADMIN).get(path);
        assertThat(otherAdmin.status()).isEqualTo(403);
        assertThat(otherAdmin.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reporting(institution, "admin", Role.ADMIN).get(path).status()).isEqualTo(403);
        assertThat(reporting("elsewhere", "auditor", Role.AUDITOR).get(path).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response platform = reporting("platform", "operator", Role.PLATFORM_ADMIN).get(path);
            assertThat(platform.status()).as(platform.toString()).isEqualTo(200);
            assertThat(platform.json().get("institutions").get(0).asText()).isEqualTo(institution);
            assertThat(platform.json().get("differences")).isEmpty();
        });
    }

    @Provide
    Arbitrary<List<Script>> batches() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, STEPS.length - 1), Arbitraries.of(true, false)).as(Step::new);
        Arbitrary<Script> plan = Combinators.combine(Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(1, 2), step.filter(s -> s.op().draft).list().ofMaxSize(2),
                Arbitraries.of(true, false), step.filter(s -> !s.op().draft).list().ofMinSize(1).ofMaxSize(8))
                .as(PlanScript::new);
        Arbitrary<Script> evaluation = Combinators.combine(Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(0, 99).list().ofMinSize(2).ofMaxSize(14),
                Arbitraries.of(true, false)).as(EvaluationScript::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, plan), net.jqwik.api.Tuple.of(1, evaluation))
                .list().ofSize(SEQUENCES_PER_BATCH);
    }

    private static Api reporting(String institution, String user, Role... roles) {
        return Api.at("http://localhost:" + system.port("reporting"))
                .with(TestIdentities.headers(TestIdentities.user(user, institution, roles)));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
        return response.body().length == 0 ? null : response.json();
    }

    /** The people of one institution, each signing their requests afresh. */
    record Users(String institution) {

        Api plan(String user, Role... roles) {
            return at("plan", user, roles);
        }

        Api evaluation(String user, Role... roles) {
            return at("evaluation", user, roles);
        }

        private Api at(String service, String user, Role... roles) {
            return Api.at("http://localhost:" + system.port(service))
                    .with(TestIdentities.headers(TestIdentities.user(user, institution, roles)))
                    .with(Map.of("X-Correlation-Id", "property-" + institution));
        }
    }

    interface Script {
        void run(Users users, int index);
    }

    /** What a step of a plan's script intends; draft steps shape the plan before its workflow starts. */
    enum Op {
        REMOVE_FINDING(true), REMOVE_ACTION(true), ADD_ACTION(true),
        PROGRESS(false), IMPLEMENT(false), VERIFY(false), CLOSE(false), REOPEN(false), NOT_IMPLEMENT(false),
        CANCEL(false), REPORT(false), CLOSE_PLAN(false);

        final boolean draft;

        Op(boolean draft) {
            this.draft = draft;
        }
    }

    /** @param pick which of the entities the step may apply to; @param step a progress step; @param flag a yes/no */
    record Step(Op op, int pick, int step, boolean flag) {
    }

    /** An action as the script knows it: enough to send only commands that are valid now. */
    static final class ActionModel {
        final String id;
        final String findingId;
        String status = "PLANNED";
        int percent;
        Boolean compliant;

        ActionModel(String id, String findingId) {
            this.id = id;
            this.findingId = findingId;
        }

        boolean open() {
            return status.equals("PLANNED") || status.equals("IN_PROGRESS");
        }

        boolean ended() {
            return status.equals("CLOSED") || status.equals("NOT_IMPLEMENTED") || status.equals("CANCELLED");
        }
    }

    /** A plan: its findings and actions, draft removals, a rejected review, then any steps of its execution. */
    record PlanScript(int findings, int actionsPerFinding, List<Step> draft, boolean rejectOnce,
                      List<Step> execution) implements Script {

        @Override
        public void run(Users users, int index) {
            Api owner = users.plan("owner-" + index, Role.PLAN_OWNER);
            String planId = ok(owner.post("/api/plans", """
                    {"kind":"AUDIT","title":"Plan %d","period":"2026"}""".formatted(index))).get("planId").asText();
            String base = "/api/plans/" + planId;
            List<String> findingIds = new ArrayList<>();
            List<ActionModel> actions = new ArrayList<>();
            int[] numbers = {0};
            for (int f = 0; f < findings; f++) {
                String findingId = ok(owner.post(base + "/findings", """
                        {"number":"H%d","description":"Hallazgo %d"}""".formatted(f + 1, f + 1)))
                        .get("findingId").asText();
                findingIds.add(findingId);
                for (int a = 0; a < actionsPerFinding; a++) {
                    actions.add(addAction(owner, base, findingId, ++numbers[0]));
                }
            }
            for (Step step : draft) {
                switch (step.op()) {
                    case REMOVE_FINDING -> {
                        if (!findingIds.isEmpty()) {
                            String findingId = findingIds.remove(step.pick() % findingIds.size());
                            ok(owner.delete(base + "/findings/" + findingId));
                            actions.removeIf(a -> a.findingId.equals(findingId));
                        }
                    }
                    case REMOVE_ACTION -> {
                        if (!actions.isEmpty()) {
                            ActionModel action = actions.remove(step.pick() % actions.size());
                            ok(owner.delete(base + "/actions/" + action.id));
                        }
                    }
                    default -> {
                        if (!findingIds.isEmpty()) {
                            actions.add(addAction(owner, base, findingIds.get(step.pick() % findingIds.size()),
                                    ++numbers[0]));
                        }
                    }
                }
            }
            if (actions.isEmpty()) {
                return;
            }
            // Three different people submit, review and approve.
            Api reviewer = users.plan("reviewer-" + index, Role.PLAN_REVIEWER);
            Api approver = users.plan("approver-" + index, Role.PLAN_APPROVER);
            ok(owner.post(base + "/submission", "{}"));
            if (rejectOnce) {
                ok(reviewer.post(base + "/rejection", "{\"reason\":\"Faltan indicadores\"}"));
                ok(owner.post(base + "/submission", "{}"));
            }
            ok(reviewer.post(base + "/review", "{}"));
            ok(approver.post(base + "/approval", "{}"));
            ok(approver.post(base + "/execution", "{}"));
            boolean closed = false;
            for (Step step : execution) {
                if (step.op() == Op.REPORT) {
                    String reportId = ok(owner.post(base + "/reports", """
                            {"period":"2026-I","conclusions":"Avance parcial","preparedBy":"Control interno"}"""))
                            .get("reportId").asText();
                    if (step.flag()) {
                        ok(owner.post(base + "/reports/" + reportId + "/submission", "{}"));
                    }
                    continue;
                }
                if (closed) {
                    continue;
                }
                if (step.op() == Op.CLOSE_PLAN) {
                    if (actions.stream().allMatch(ActionModel::ended)) {
                        ok(approver.post(base + "/closure", "{}"));
                        closed = true;
                    }
                    continue;
                }
                act(step, actions, base, owner, reviewer, approver);
            }
        }

        private static ActionModel addAction(Api owner, String base, String findingId, int number) {
            String end = number % 2 == 0 ? "2024-06" : "2030-T2";
            String actionId = ok(owner.post(base + "/findings/" + findingId + "/actions", """
                    {"number":"%d","name":"Acción %d","start":"2024-01","end":"%s"}""".formatted(number, number, end)))
                    .get("actionId").asText();
            return new ActionModel(actionId, findingId);
        }

        private static void act(Step step, List<ActionModel> actions, String base, Api owner, Api reviewer,
                                Api approver) {
            List<ActionModel> candidates = actions.stream().filter(a -> switch (step.op()) {
                case PROGRESS, IMPLEMENT, NOT_IMPLEMENT -> a.open();
                case VERIFY -> a.status.equals("IMPLEMENTED");
                case CLOSE -> a.status.equals("IMPLEMENTED") && Boolean.TRUE.equals(a.compliant);
                case REOPEN -> a.status.equals("CLOSED");
                case CANCEL -> a.open() || a.status.equals("IMPLEMENTED");
                default -> false;
            }).toList();
            if (candidates.isEmpty()) {
                return;
            }
            ActionModel action = candidates.get(step.pick() % candidates.size());
            String path = base + "/actions/" + action.id;
            switch (step.op()) {
                case PROGRESS -> {
                    int percent = STEPS[step.step()];
                    ok(owner.post(path + "/progress", """
                            {"percent":%d,"evidence":"Acta de seguimiento","reason":"Ajuste del avance"}"""
                            .formatted(percent)));
                    action.status = "IN_PROGRESS";
                    action.percent = percent;
                }
                case IMPLEMENT -> {
                    ok(owner.post(path + "/implementation", "{\"evidence\":\"Informe final\"}"));
                    action.status = "IMPLEMENTED";
                }
                case VERIFY -> {
                    ok(reviewer.post(path + "/verification", """
                            {"compliant":%s,"effective":%s}""".formatted(step.flag(), step.pick() % 2 == 0)));
                    action.compliant = step.flag();
                }
                case CLOSE -> {
                    ok(reviewer.post(path + "/closure", "{}"));
                    action.status = "CLOSED";
                }
                case REOPEN -> {
                    ok(reviewer.post(path + "/reopening", "{\"reason\":\"La acción no se sostuvo\"}"));
                    action.status = "IN_PROGRESS";
                    action.compliant = null;
                }
                case NOT_IMPLEMENT -> {
                    ok(owner.post(path + "/non-implementation", "{\"justification\":\"Sin presupuesto\"}"));
                    action.status = "NOT_IMPLEMENTED";
                }
                case CANCEL -> {
                    ok(approver.post(path + "/cancellation", "{\"justification\":\"Ya no aplica\"}"));
                    action.status = "CANCELLED";
                }
                default -> throw new IllegalStateException(step.toString());
            }
        }
    }

    /**
     * A cycle with one or two servants, each walked through P-TH-10 by the choices (approve, reject or modify; accept
     * or not), stopping wherever the choices run out; HR may consolidate the year, which opens an individual plan
     * in plan-service for a completed result under the threshold.
     */
    record EvaluationScript(int servants, List<Integer> choices, boolean consolidate) implements Script {

        private static final String GOALS = """
                {"goals":[{"description":"Elaborar el informe","deliverable":"Informe publicado","weight":60,
                           "agreedPercentI":50,"agreedPercentII":100},
                          {"description":"Actualizar el sistema","deliverable":"Sistema actualizado","weight":40,
                           "agreedPercentI":40,"agreedPercentII":100}]%s}""";

        @Override
        public void run(Users users, int index) {
            Api hr = users.evaluation("hr-" + index, Role.HR);
            String cycleId = ok(hr.post("/api/cycles", """
                    {"year":2026,"stages":[{"stage":"FORMULATION","deadline":"2030-03-31"},
                                           {"stage":"SELF_EVALUATION_I","deadline":"2030-07-31"},
                                           {"stage":"SELF_EVALUATION_II","deadline":"2031-02-28"}],
                     "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                              {"name":"Satisfactorio","minScore":65,"maxScore":90},
                              {"name":"Sobresaliente","minScore":90,"maxScore":100}],
                     "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                     "competencies":["Orientación a resultados","Trabajo en equipo"]}""")).get("cycleId").asText();
            String supervisor = "boss-" + index;
            StringBuilder csv = new StringBuilder("servantId,servantName,supervisorId,supervisorName\n");
            for (int s = 0; s < servants; s++) {
                csv.append("servant-%d-%d,Servidor %d,%s,Jefe %d\n".formatted(index, s, s, supervisor, index));
            }
            JsonNode assigned = ok(hr.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + system.port("evaluation") + "/api/cycles/" + cycleId + "/assignments"))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))));
            List<JsonNode> evaluations = StreamSupport.stream(assigned.get("evaluations").spliterator(), false)
                    .toList();
            Api boss = users.evaluation(supervisor, Role.SUPERVISOR);
            int offset = 0;
            for (JsonNode evaluation : evaluations) {
                Api servant = users.evaluation(evaluation.get("servantId").asText(), Role.SERVANT);
                walk("/api/evaluations/" + evaluation.get("evaluationId").asText(), servant, boss,
                        choices.subList(Math.min(offset, choices.size()), choices.size()));
                offset += 3;
            }
            if (consolidate) {
                ok(hr.post("/api/cycles/" + cycleId + "/consolidate", "{}"));
            }
        }

        private static void walk(String path, Api servant, Api boss, List<Integer> choices) {
            String status = "GOALS_FORMULATION";
            for (int choice : choices) {
                JsonNode after = switch (status) {
                    case "GOALS_FORMULATION" -> ok(servant.post(path + "/goals/submit", GOALS.formatted("")));
                    case "GOALS_IN_REVIEW" -> switch (choice % 3) {
                        case 0 -> ok(boss.post(path + "/goals/approve", "{}"));
                        case 1 -> ok(boss.post(path + "/goals/reject", "{\"reason\":\"Metas imprecisas\"}"));
                        default -> ok(boss.post(path + "/goals/modify",
                                GOALS.formatted(",\"reason\":\"Ajuste de pesos\"")));
                    };
                    case "GOALS_AWAITING_ACCEPTANCE", "SELF_EVALUATION_I_AWAITING_ACCEPTANCE" -> {
                        String step = status.startsWith("GOALS") ? "/goals" : "/self-evaluations/I";
                        yield choice % 4 == 0
                                ? ok(servant.post(path + step + "/reject-acceptance", "{\"reason\":\"No acepto\"}"))
                                : ok(servant.post(path + step + "/accept", "{}"));
                    }
                    case "SELF_EVALUATION_I" -> ok(servant.post(path + "/self-evaluations/I/submit",
                            compliance(choice, "")));
                    case "SELF_EVALUATION_II" -> ok(servant.post(path + "/self-evaluations/II/submit",
                            compliance(choice, "")));
                    case "SELF_EVALUATION_I_IN_REVIEW", "SELF_EVALUATION_II_IN_REVIEW" -> {
                        String step = path + "/self-evaluations/" + (status.contains("_II_") ? "II" : "I");
                        yield switch (choice % 3) {
                            case 0 -> ok(boss.post(step + "/approve", "{}"));
                            case 1 -> ok(boss.post(step + "/reject", "{\"reason\":\"Faltan evidencias\"}"));
                            default -> ok(boss.post(step + "/modify",
                                    compliance(choice / 3, ",\"reason\":\"Evidencia insuficiente\"")));
                        };
                    }
                    case "COMPETENCIES_RATING" -> ok(boss.post(path + "/competencies", """
                            {"ratings":[{"competency":"Orientación a resultados","score":%d},
                                        {"competency":"Trabajo en equipo","score":%d}]}"""
                            .formatted(choice % 2 == 0 ? 40 : 95, choice % 3 == 0 ? 50 : 90)));
                    case "FINAL_RESULT_AWAITING_ACCEPTANCE" -> choice % 4 == 0
                            ? ok(servant.post(path + "/final-result/not-accept", "{\"reason\":\"Revisar\"}"))
                            : ok(servant.post(path + "/final-result/accept", "{}"));
                    default -> null;
                };
                if (after == null) {
                    return;
                }
                status = after.get("status").asText();
            }
        }

        /** Low or high compliance, so that completed results fall on both sides of the threshold. */
        private static String compliance(int choice, String more) {
            int first = choice % 2 == 0 ? 30 : 100;
            int second = choice % 5 == 0 ? 20 : 90;
            return """
                    {"compliance":[{"goalNumber":1,"compliancePercent":%d,"evidence":"Acta"},
                                   {"goalNumber":2,"compliancePercent":%d,"evidence":"Notas"}]%s}"""
                    .formatted(first, second, more);
        }
    }
}
