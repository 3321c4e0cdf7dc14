package org.mejora.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A yearly evaluation (P-TH-10) through the gateway for three servants: one outstanding, one satisfactory, one under
 * the threshold. plan-service opens exactly one individual improvement plan, for the servant under the threshold,
 * however often the event reaches it.
 */
class EvaluationJourneyIT {

    private static final String EVALUATION_EVENTS = "mejora.evaluation.events";

    private static SystemUnderTest system;

    private final String institution = TestIdentities.newInstitution();
    private Api hr;
    private Api boss;

    @BeforeAll
    static void startSystem() {
        system = SystemUnderTest.get();
    }

    private Api as(String user, String... roles) {
        return system.gatewayAs(user, institution, roles).with(Map.of("X-Correlation-Id", "journey-" + institution));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

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
                            {"competency":"Trabajo en equipo","score":%d}]}""".formatted(results, team);
    }

    private JsonNode walk(String evaluationId, Api servant, int[] followUpII, int[] competencies) {
        String path = "/api/evaluations/" + evaluationId;
        ok(servant.post(path + "/goals/submit", GOALS));
        ok(boss.post(path + "/goals/approve", "{}"));
        ok(servant.post(path + "/goals/accept", "{}"));
        ok(servant.post(path + "/self-evaluations/I/submit", compliance(50, 40)));
        ok(boss.post(path + "/self-evaluations/I/approve", "{}"));
        ok(servant.post(path + "/self-evaluations/I/accept", "{}"));
        ok(servant.post(path + "/self-evaluations/II/submit", compliance(followUpII[0], followUpII[1])));
        ok(boss.post(path + "/self-evaluations/II/approve", "{}"));
        ok(boss.post(path + "/competencies", ratings(competencies[0], competencies[1])));
        return ok(servant.post(path + "/final-result/accept", "{}"));
    }

    @Test
    void aYearOfThreeServantsOpensOneIndividualPlanForTheOneUnderTheThresholdEvenWhenDeliveredTwice() {
        hr = as("talento", "HR");
        boss = as("jgomez", "SUPERVISOR");
        String cycleId = ok(hr.post("/api/cycles", """
                {"year":2026,"stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},
                                       {"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
                                       {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
                 "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                          {"name":"Satisfactorio","minScore":65,"maxScore":90},
                          {"name":"Sobresaliente","minScore":90,"maxScore":100}],
                 "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                 "competencies":["Orientación a resultados","Trabajo en equipo"]}"""))
                .get("cycleId").asText();
        JsonNode assigned = ok(hr.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + system.port("gateway") + "/api/cycles/" + cycleId
                                + "/assignments"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        servantId,servantName,supervisorId,supervisorName
                        ana,Ana Pérez,jgomez,Jorge Gómez
                        beto,Beto Ruiz,jgomez,Jorge Gómez
                        carla,Carla Díaz,jgomez,Jorge Gómez
                        """))));
        Map<String, String> evaluations = StreamSupport.stream(assigned.get("evaluations").spliterator(), false)
                .collect(Collectors.toMap(e -> e.get("servantId").asText(), e -> e.get("evaluationId").asText()));

        try (TopicProbe topic = TopicProbe.open(EVALUATION_EVENTS)) {
            assertThat(walk(evaluations.get("ana"), as("ana", "SERVANT"), new int[]{100, 100}, new int[]{90, 90})
                    .get("ratingLevel").asText()).isEqualTo("Sobresaliente");
            assertThat(walk(evaluations.get("beto"), as("beto", "SERVANT"), new int[]{80, 70}, new int[]{70, 80})
                    .get("ratingLevel").asText()).isEqualTo("Satisfactorio");
            assertThat(walk(evaluations.get("carla"), as("carla", "SERVANT"), new int[]{50, 40}, new int[]{50, 60})
                    .get("ratingLevel").asText()).isEqualTo("No satisfactorio");

            JsonNode year = ok(hr.post("/api/cycles/" + cycleId + "/consolidate", "{}"));
            assertThat(year.get("improvementPlansRequired").asInt()).isEqualTo(1);

            EventEnvelope required = topic.await(e -> e.eventType().equals("ImprovementPlanRequired")
                    && e.payload().get("cycleId").asText().equals(cycleId), Duration.ofSeconds(60));
            assertThat(required.payload().get("servantId").asText()).isEqualTo("carla");
            TopicProbe.publish(EVALUATION_EVENTS, List.of(required));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(individualPlans()).hasSize(1));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(individualPlans()).hasSize(1));
        JsonNode plan = individualPlans().get(0);
        assertThat(plan.get("servantId").asText()).isEqualTo("carla");
        assertThat(plan.get("supervisorId").asText()).isEqualTo("jgomez");
    }

    private List<JsonNode> individualPlans() {
        JsonNode plans = ok(hr.get("/api/plans?kind=INDIVIDUAL")).get("items");
        return StreamSupport.stream(plans.spliterator(), false).toList();
    }
}
