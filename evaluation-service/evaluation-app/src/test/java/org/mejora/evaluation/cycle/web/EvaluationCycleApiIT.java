package org.mejora.evaluation.cycle.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.EvaluationServiceContext;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A yearly cycle of P-TH-10 over HTTP against the real PostgreSQL and Kafka of the test run. */
class EvaluationCycleApiIT extends EvaluationServiceContext {

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser hr = TestIdentities.user("talento", institution, Role.HR);
    private final VerifiedUser boss = TestIdentities.user("jgomez", institution, Role.SUPERVISOR, Role.SERVANT);
    private final VerifiedUser ana = TestIdentities.user("ana", institution, Role.SERVANT);
    private final VerifiedUser beto = TestIdentities.user("beto", institution, Role.SERVANT);
    private final VerifiedUser carla = TestIdentities.user("carla", institution, Role.SERVANT);

    private static final String CYCLE = """
            {"year":2026,"name":"Evaluación de la gestión 2026",
             "stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},
                       {"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
                       {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
             "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                      {"name":"Satisfactorio","minScore":65,"maxScore":90},
                      {"name":"Sobresaliente","minScore":90,"maxScore":100}],
             "goalsWeight":%s,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
             "competencies":["Orientación a resultados","Trabajo en equipo"]}""";

    private static final String GOALS = """
            {"goals":[{"description":"Elaborar el informe de demanda","deliverable":"Informe publicado",
                       "weight":60,"agreedPercentI":50,"agreedPercentII":100},
                      {"description":"Actualizar el sistema de información","deliverable":"Sistema actualizado",
                       "weight":40,"agreedPercentI":40,"agreedPercentII":100}]}""";

    private static String compliance(int first, int second) {
        return """
                {"compliance":[{"goalNumber":1,"compliancePercent":%d,"evidence":"Acta de entrega"},
                               {"goalNumber":2,"compliancePercent":%d,"evidence":"Notas de versión"}]}"""
                .formatted(first, second);
    }

    private static String ratings(int results, int team) {
        return """
                {"ratings":[{"competency":"Orientación a resultados","score":%d},
                            {"competency":"Trabajo en equipo","score":%d,"comment":"Colabora"}]}"""
                .formatted(results, team);
    }

    private String openCycle() {
        Api.Response opened = as(hr).post("/api/cycles", CYCLE.formatted(80));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("cycleId").asText();
    }

    private Map<String, String> assignThree(String cycleId) {
        Api.Response assigned = assign(hr, cycleId, """
                        servantId,servantName,supervisorId,supervisorName
                        ana,Ana Pérez,jgomez,Jorge Gómez
                        beto,"Beto Ruiz, Jr.",jgomez,Jorge Gómez
                        carla,Carla Díaz,jgomez,Jorge Gómez
                        """);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(3);
        return StreamSupport.stream(assigned.json().get("evaluations").spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(e -> e.get("servantId").asText(),
                        e -> e.get("evaluationId").asText()));
    }

    private JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Steps 4 to 15 for one servant, with the second follow-up and the ratings that decide the result. */
    private JsonNode walk(String evaluation, VerifiedUser servant, int[] followUpII, int[] competencies) {
        String path = "/api/evaluations/" + evaluation;
        ok(as(servant).post(path + "/goals/submit", GOALS));
        ok(as(boss).post(path + "/goals/approve", "{}"));
        ok(as(servant).post(path + "/goals/accept", "{}"));
        ok(as(servant).post(path + "/self-evaluations/I/submit", compliance(50, 40)));
        ok(as(boss).post(path + "/self-evaluations/I/approve", "{}"));
        ok(as(servant).post(path + "/self-evaluations/I/accept", "{}"));
        ok(as(servant).post(path + "/self-evaluations/II/submit", compliance(followUpII[0], followUpII[1])));
        ok(as(boss).post(path + "/self-evaluations/II/approve", "{}"));
        ok(as(boss).post(path + "/competencies", ratings(competencies[0], competencies[1])));
        return ok(as(servant).post(path + "/final-result/accept", "{}"));
    }

    @Test
    void aYearOfThreeServantsRequiresAnImprovementPlanOnlyForTheOneUnderTheThreshold() {
        String cycleId = openCycle();
        Map<String, String> evaluations = assignThree(cycleId);
        try (TopicProbe topic = TopicProbe.open(EvaluationTopics.EVENTS)) {
            JsonNode outstanding = walk(evaluations.get("ana"), ana, new int[]{100, 100}, new int[]{90, 90});
            JsonNode satisfactory = walk(evaluations.get("beto"), beto, new int[]{80, 70}, new int[]{70, 80});
            JsonNode low = walk(evaluations.get("carla"), carla, new int[]{50, 40}, new int[]{50, 60});
            assertThat(outstanding.get("finalScore").decimalValue()).isEqualByComparingTo("98.00");
            assertThat(outstanding.get("ratingLevel").asText()).isEqualTo("Sobresaliente");
            assertThat(satisfactory.get("finalScore").decimalValue()).isEqualByComparingTo("75.80");
            assertThat(satisfactory.get("ratingLevel").asText()).isEqualTo("Satisfactorio");
            assertThat(low.get("finalScore").decimalValue()).isEqualByComparingTo("47.80");
            assertThat(low.get("status").asText()).isEqualTo("COMPLETED");

            JsonNode year = ok(as(hr).post("/api/cycles/" + cycleId + "/consolidate", "{}"));
            assertThat(year.get("consolidated").asInt()).isEqualTo(3);
            assertThat(year.get("improvementPlansRequired").asInt()).isEqualTo(1);
            assertThat(year.get("byLevel").get("Sobresaliente").asInt()).isEqualTo(1);
            ok(as(hr).post("/api/cycles/" + cycleId + "/consolidate", "{}"));

            EventEnvelope required = topic.await(e -> e.eventType().equals("ImprovementPlanRequired")
                    && e.payload().get("cycleId").asText().equals(cycleId), Duration.ofSeconds(30));
            assertThat(required.aggregateId()).isEqualTo(evaluations.get("carla"));
            assertThat(required.payload().get("servantId").asText()).isEqualTo("carla");
            assertThat(required.payload().get("ratingLevel").asText()).isEqualTo("No satisfactorio");
            assertThat(required.payload().get("threshold").decimalValue()).isEqualByComparingTo("65");
            assertThat(required.institutionId()).isEqualTo(institution);
            assertThat(required.actor().role()).isEqualTo("HR");
            topic.awaitAll(e -> e.eventType().equals("EvaluationConsolidated")
                    && e.payload().get("cycleId").asText().equals(cycleId), 3, Duration.ofSeconds(30));
            assertThat(topic.awaitAll(e -> e.eventType().equals("ImprovementPlanRequired")
                    && e.payload().get("cycleId").asText().equals(cycleId), 1, Duration.ofSeconds(5)))
                    .hasSize(1);
        }
        JsonNode needed = ok(as(hr).get("/api/cycles/" + cycleId + "/improvement-plans-required")).get("items");
        assertThat(needed).hasSize(1);
        assertThat(needed.get(0).get("servantId").asText()).isEqualTo("carla");
        theResultsAreSeenAsServantResultsSays(cycleId, evaluations);
    }

    /** The servant, their supervisor, HR and AUDITOR by name; plan roles only counts; nobody else anything. */
    private void theResultsAreSeenAsServantResultsSays(String cycleId, Map<String, String> evaluations) {
        String results = "/api/cycles/" + cycleId + "/results";
        JsonNode mine = ok(as(carla).get(results));
        assertThat(mine.get("servants").findValuesAsText("servantId")).containsExactly("carla");
        assertThat(mine.get("total").asInt()).as("a servant counts only themselves").isEqualTo(1);
        assertThat(ok(as(boss).get(results)).get("servants")).hasSize(3);
        assertThat(ok(as(TestIdentities.user("auditor", institution, Role.AUDITOR)).get(results)).get("servants"))
                .hasSize(3);

        VerifiedUser otherSupervisor = TestIdentities.user("mrios", institution, Role.SUPERVISOR);
        assertThat(ok(as(otherSupervisor).get(results)).get("servants")).isEmpty();
        assertThat(ok(as(otherSupervisor).get(results)).get("total").asInt()).isZero();
        assertThat(as(otherSupervisor).get("/api/evaluations/" + evaluations.get("carla")).status()).isEqualTo(403);
        assertThat(ok(as(otherSupervisor).get("/api/evaluations?cycleId=" + cycleId)).get("items")).isEmpty();
        assertThat(ok(as(boss).get("/api/evaluations?cycleId=" + cycleId)).get("items")).hasSize(3);

        JsonNode counts = ok(as(TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER)).get(results));
        assertThat(counts.get("servants")).as("counts without names").isEmpty();
        assertThat(counts.get("improvementPlansRequired").asInt()).isEqualTo(1);
        assertThat(counts.get("byLevel").get("Sobresaliente").asInt()).isEqualTo(1);

        assertThat(as(TestIdentities.user("admin", institution, Role.ADMIN)).get(results).status()).isEqualTo(403);
        assertThat(as(TestIdentities.user("admin", institution, Role.ADMIN))
                .get("/api/evaluations/" + evaluations.get("carla")).status()).isEqualTo(403);
    }

    @Test
    void aModificationWithoutAReasonIsRefusedAndHrConsolidatesAResultTheServantDidNotAccept() {
        String cycleId = openCycle();
        String carlaEvaluation = assignThree(cycleId).get("carla");
        String path = "/api/evaluations/" + carlaEvaluation;
        ok(as(carla).post(path + "/goals/submit", GOALS));
        Api.Response noReason = as(boss).post(path + "/goals/modify", GOALS);
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(422);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        ok(as(boss).post(path + "/goals/approve", "{}"));
        ok(as(carla).post(path + "/goals/accept", "{}"));
        ok(as(carla).post(path + "/self-evaluations/I/submit", compliance(50, 40)));
        assertThat(as(boss).post(path + "/self-evaluations/I/modify", compliance(40, 40)).status()).isEqualTo(422);
        ok(as(boss).post(path + "/self-evaluations/I/approve", "{}"));
        ok(as(carla).post(path + "/self-evaluations/I/accept", "{}"));
        ok(as(carla).post(path + "/self-evaluations/II/submit", compliance(50, 40)));
        ok(as(boss).post(path + "/self-evaluations/II/approve", "{}"));
        ok(as(boss).post(path + "/competencies", ratings(50, 60)));
        ok(as(carla).post(path + "/final-result/not-accept", "{\"reason\":\"No comparto la calificación\"}"));
        assertThat(as(boss).post(path + "/final-result/consolidation-without-acceptance",
                "{\"reason\":\"Venció el plazo\"}").status()).isEqualTo(403);
        assertThat(as(hr).post(path + "/final-result/consolidation-without-acceptance", "{}").status())
                .isEqualTo(422);

        try (TopicProbe topic = TopicProbe.open(EvaluationTopics.EVENTS)) {
            JsonNode consolidated = ok(as(hr).post(path + "/final-result/consolidation-without-acceptance",
                    "{\"reason\":\"Venció el plazo de la etapa sin aceptación\"}"));
            ok(as(hr).post(path + "/final-result/consolidation-without-acceptance",
                    "{\"reason\":\"Otra vez\"}"));
            assertThat(consolidated.get("status").asText()).isEqualTo("CONSOLIDATED");
            assertThat(consolidated.get("finalScore").decimalValue()).isEqualByComparingTo("47.80");

            EventEnvelope event = topic.await(e -> e.eventType().equals("EvaluationConsolidated")
                    && e.aggregateId().equals(carlaEvaluation), Duration.ofSeconds(30));
            assertThat(event.payload().get("servantDisagreement").asText()).isEqualTo("No comparto la calificación");
            assertThat(event.payload().get("reason").asText()).isEqualTo("Venció el plazo de la etapa sin aceptación");
            assertThat(topic.awaitAll(e -> e.eventType().equals("ImprovementPlanRequired")
                    && e.aggregateId().equals(carlaEvaluation), 1, Duration.ofSeconds(10))).hasSize(1);
        }
        JsonNode needed = ok(as(hr).get("/api/cycles/" + cycleId + "/improvement-plans-required"));
        assertThat(needed.get("items")).extracting(n -> n.get("servantId").asText()).containsExactly("carla");
    }

    @Test
    void aSupervisorsModificationKeepsTheServantsOriginalAndEveryStepSaysWhoAndWhy() {
        String cycleId = openCycle();
        String evaluation = assignThree(cycleId).get("ana");
        String path = "/api/evaluations/" + evaluation;
        ok(as(ana).post(path + "/goals/submit", GOALS));
        Api.Response noReason = as(boss).post(path + "/goals/reject", "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        ok(as(boss).post(path + "/goals/reject", "{\"reason\":\"Faltan entregables medibles\"}"));
        ok(as(ana).post(path + "/goals/submit", GOALS));
        JsonNode modified = ok(as(boss).post(path + "/goals/modify", GOALS.replace("\"weight\":60", "\"weight\":70")
                .replace("\"weight\":40", "\"weight\":30").replace("]}", "],\"reason\":\"Prioridad del PEI\"}")));
        assertThat(modified.get("goals").get(0).get("weight").asInt()).isEqualTo(70);
        assertThat(modified.get("goalsOriginal").get(0).get("weight").asInt()).isEqualTo(60);
        ok(as(ana).post(path + "/goals/reject-acceptance", "{\"reason\":\"El sistema pesa más\"}"));

        JsonNode view = ok(as(ana).get(path));
        assertThat(view.get("status").asText()).isEqualTo("GOALS_FORMULATION");
        List<String> steps = StreamSupport.stream(view.get("steps").spliterator(), false)
                .map(step -> step.get("step").asText() + "/" + step.get("actorId").asText() + "/"
                        + step.get("actorRole").asText()).toList();
        assertThat(steps).containsExactly("EvaluationOpened/talento/HR", "GoalsSubmitted/ana/SERVANT",
                "GoalsRejected/jgomez/SUPERVISOR", "GoalsSubmitted/ana/SERVANT", "GoalsModified/jgomez/SUPERVISOR",
                "GoalsNotAccepted/ana/SERVANT");
        assertThat(view.get("steps").get(2).get("reason").asText()).isEqualTo("Faltan entregables medibles");
        assertThat(view.get("steps").get(4).get("detail").get("original").get(0).get("weight").asInt())
                .isEqualTo(60);
    }

    @Test
    void onlyTheRightPersonActsAndStepsFollowTheProcedure() {
        String cycleId = openCycle();
        String evaluation = assignThree(cycleId).get("ana");
        String path = "/api/evaluations/" + evaluation;

        assertThat(as(beto).post(path + "/goals/submit", GOALS).status()).isEqualTo(403);
        assertThat(as(TestIdentities.user("otro-jefe", institution, Role.SUPERVISOR))
                .post(path + "/goals/approve", "{}").status()).isEqualTo(403);
        assertThat(as(TestIdentities.user("ana", TestIdentities.newInstitution(), Role.SERVANT))
                .post(path + "/goals/submit", GOALS).status()).isEqualTo(404);
        Api.Response early = as(ana).post(path + "/goals/accept", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("rule").asText()).isEqualTo("evaluation.step-out-of-order");
        Api.Response heavy = as(ana).post(path + "/goals/submit", GOALS.replace("\"weight\":40", "\"weight\":50"));
        assertThat(heavy.status()).isEqualTo(422);
        assertThat(heavy.json().get("rule").asText()).isEqualTo("weights.must-sum-100");
        Api.Response over = as(ana).post(path + "/goals/submit",
                GOALS.replace("\"agreedPercentII\":100}]", "\"agreedPercentII\":120}]"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("field").asText()).isEqualTo("goals[1].agreedPercentII");
    }

    @Test
    void aLateStepAfterHrClosedTheStageIsRejectedAndTheReportShowsWhoIsWhere() {
        String cycleId = openCycle();
        Map<String, String> evaluations = assignThree(cycleId);
        ok(as(ana).post("/api/evaluations/" + evaluations.get("ana") + "/goals/submit", GOALS));
        ok(as(boss).post("/api/evaluations/" + evaluations.get("ana") + "/goals/approve", "{}"));
        ok(as(ana).post("/api/evaluations/" + evaluations.get("ana") + "/goals/accept", "{}"));

        JsonNode report = ok(as(hr).get("/api/cycles/" + cycleId + "/consolidation?stage=FORMULATION"));
        assertThat(report.get("total").asInt()).isEqualTo(3);
        assertThat(report.get("done").asInt()).isEqualTo(1);
        assertThat(report.get("byStatus").get("GOALS_FORMULATION").asInt()).isEqualTo(2);
        assertThat(report.get("late").asInt()).as("past the deadline of 2026-03-31").isEqualTo(2);

        ok(as(hr).post("/api/cycles/" + cycleId + "/stages/FORMULATION/close",
                "{\"reason\":\"Informe de la primera etapa\"}"));
        Api.Response late = as(beto).post("/api/evaluations/" + evaluations.get("beto") + "/goals/submit", GOALS);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("rule").asText()).isEqualTo("stage.closed");

        Api.Response joined = as(hr).post("/api/cycles/" + cycleId + "/assignments", """
                {"assignments":[{"servantId":"nuevo","servantName":"Nuevo Servidor","supervisorId":"jgomez",
                                 "supervisorName":"Jorge Gómez"}]}""");
        ok(joined);
        String newcomer = joined.json().get("evaluations").get(0).get("evaluationId").asText();
        ok(as(TestIdentities.user("nuevo", institution, Role.SERVANT))
                .post("/api/evaluations/" + newcomer + "/goals/submit", GOALS));
    }

    @Test
    void servantsAndSupervisorsReadTheirCyclesDeadlinesButNotItsReports() {
        String cycleId = openCycle();

        JsonNode cycle = ok(as(ana).get("/api/cycles/" + cycleId));
        assertThat(cycle.get("stages").get(0).get("deadline").asText()).isNotBlank();
        assertThat(ok(as(boss).get("/api/cycles/" + cycleId)).get("cycleId").asText()).isEqualTo(cycleId);
        assertThat(as(ana).get("/api/cycles/" + cycleId + "/consolidation?stage=FORMULATION").status())
                .isEqualTo(403);
        assertThat(as(TestIdentities.user("ana", "another-institution", Role.SERVANT)).get("/api/cycles/" + cycleId)
                .status()).isEqualTo(404);
    }

    @Test
    void aBulkAssignmentWithBadRowsAssignsNobodyAndNamesEachRow() {
        String cycleId = openCycle();
        Api.Response rejected = as(hr).send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/cycles/" + cycleId + "/assignments"))
                .header("Content-Type", "text/csv")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        ana,Ana Pérez,jgomez,Jorge Gómez
                        beto,,jgomez,Jorge Gómez
                        ana,Ana Pérez,jgomez,Jorge Gómez
                        """)));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.json().get("errors")).hasSize(2);
        assertThat(rejected.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rejected.json().get("errors").get(1).get("rule").asText())
                .isEqualTo("assignments.duplicate-servant");
        assertThat(rejected.json().get("errors").get(1).get("message").asText()).startsWith("Row 3");
        assertThat(ok(as(hr).get("/api/cycles/" + cycleId + "/consolidation?stage=FORMULATION"))
                .get("total").asInt()).isZero();
        Map<String, String> first = assignThree(cycleId);
        assertThat(assignThree(cycleId)).isEqualTo(first);
    }

    @Test
    void aCycleWhoseWeightsDoNotSumToHundredIsRejected() {
        Api.Response rejected = as(hr).post("/api/cycles", CYCLE.formatted(70));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().get("rule").asText()).isEqualTo("weights.must-sum-100");
        assertThat(as(ana).post("/api/cycles", CYCLE.formatted(80)).status()).isEqualTo(403);
    }

    @Test
    void theApiIsDescribedForTheGatewaysJoinedOpenApi() {
        Api.Response docs = Api.at(baseUrl()).get("/v3/api-docs/evaluations");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/evaluations/{evaluationId}/goals/submit")).isTrue();
        assertThat(docs.json().get("paths").has("/api/cycles/{cycleId}/consolidate")).isTrue();
    }
}
