package org.mejora.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.system.OtlpReceiver.ReceivedSpan;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One command followed through the whole system by its trace, as an operator sees it in a trace viewer: the services
 * export their spans by OTLP/HTTP to a real receiver ({@link OtlpReceiver}), the trace crosses Kafka in the record's
 * {@code traceparent} header, and its id is in the log lines written on its behalf.
 */
class TracingIT {

    private static final SecureRandom random = new SecureRandom();

    private static SystemUnderTest system;

    @BeforeAll
    static void startSystem() {
        system = SystemUnderTest.get();
    }

    @Test
    void aPlanCreatedThroughTheGatewayIsOneTraceFromTheGatewayToReportingsIngestion() {
        String institution = TestIdentities.newInstitution();
        // A front end that traces itself sends its span as the parent (W3C trace context).
        String traceId = hex(16);
        String clientSpanId = hex(8);
        Api director = system.gatewayAs("lhernandez", institution, "PLAN_OWNER")
                .with(Map.of("traceparent", "00-" + traceId + "-" + clientSpanId + "-01"));

        Api.Response created = director.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de mejoramiento - Gestión Documental",
                 "institutionName":"ALCALDIA MUNICIPAL DE CALICA","auditedProcess":"Gestión Documental",
                 "procedures":"GDO-PR001","responsible":"Jefe de Archivo","subscriptionDate":"2021-09-21",
                 "formatCode":"GEM-FM014","formatVersion":"02","period":"2021"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        OtlpReceiver traces = system.traces();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ReceivedSpan> spans = traces.spansOf(traceId);
            // Each service exports on its own schedule, so every span is waited for. The batch that applied the
            // event is a span of its own, linked to the command's trace.
            assertThat(spans).as("spans of trace %s", traceId)
                    .anyMatch(span("reporting-service", "CONSUMER", "reporting apply PlanCreated"))
                    .anyMatch(span("plan-service", "SERVER", null))
                    .anyMatch(span("plan-service", "CONSUMER", "forward PlanCreated"))
                    .anyMatch(span("plan-service", "PRODUCER", null))
                    .anyMatch(span("gateway", "SERVER", null))
                    .anyMatch(span("gateway", "CLIENT", null));
            assertThat(traces.spans()).as("reporting's batch span, linked to trace %s", traceId)
                    .anyMatch(batch -> batch.service().equals("reporting-service")
                            && batch.name().equals("reporting apply batch") && batch.linkedTraceIds().contains(traceId));
        });
        List<ReceivedSpan> spans = traces.spansOf(traceId);

        ReceivedSpan gateway = only(spans, span("gateway", "SERVER", null));
        assertThat(gateway.parentSpanId()).as("the gateway continues the client's trace").isEqualTo(clientSpanId);
        ReceivedSpan proxied = only(spans, span("gateway", "CLIENT", null));
        ReceivedSpan service = only(spans, span("plan-service", "SERVER", null));
        assertThat(service.parentSpanId()).as("plan-service is called by the gateway's proxy")
                .isEqualTo(proxied.spanId());
        assertThat(service.attributes().get("http.url") + " " + service.attributes().get("uri")).contains("/api/plans");

        // The event is forwarded later, on another thread: the trace is carried in its stored metadata.
        ReceivedSpan forward = only(spans, span("plan-service", "CONSUMER", "forward PlanCreated"));
        ReceivedSpan publish = only(spans, span("plan-service", "PRODUCER", null)
                .and(send -> send.parentSpanId().equals(forward.spanId())));
        assertThat(publish.name()).contains("mejora.plan.events");

        ReceivedSpan consumed = only(spans, span("reporting-service", "CONSUMER", "reporting apply PlanCreated"));
        assertThat(consumed.parentSpanId()).as("reporting continues from the record's traceparent header")
                .isEqualTo(publish.spanId());
        assertThat(consumed.attributes()).containsEntry("messaging.destination.name", "mejora.plan.events");

        assertThat(logLines("reporting")).as("reporting's log line for the event carries the trace id")
                .anyMatch(line -> line.contains(traceId) && line.contains("applied PlanCreated"));
    }

    @Test
    void anIndividualPlanOpenedByPlanServicesIntakeContinuesTheTraceOfTheConsolidationThatRequiredIt() {
        String institution = TestIdentities.newInstitution();
        Api hr = system.gatewayAs("talento", institution, "HR");
        Api boss = system.gatewayAs("jgomez", institution, "SUPERVISOR");
        Api servant = system.gatewayAs("carla", institution, "SERVANT");
        String cycleId = ok(hr.post("/api/cycles", """
                {"year":2026,"stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},
                                       {"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
                                       {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
                 "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                          {"name":"Satisfactorio","minScore":65,"maxScore":90},
                          {"name":"Sobresaliente","minScore":90,"maxScore":100}],
                 "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                 "competencies":["Orientación a resultados","Trabajo en equipo"]}""")).get("cycleId").asText();
        String evaluationId = ok(hr.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + system.port("gateway") + "/api/cycles/" + cycleId + "/assignments"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        servantId,servantName,supervisorId,supervisorName
                        carla,Carla Díaz,jgomez,Jorge Gómez
                        """)))).get("evaluations").get(0).get("evaluationId").asText();
        String path = "/api/evaluations/" + evaluationId;
        ok(servant.post(path + "/goals/submit", """
                {"goals":[{"description":"Elaborar el informe de demanda","deliverable":"Informe publicado",
                           "weight":60,"agreedPercentI":50,"agreedPercentII":100},
                          {"description":"Actualizar el sistema de información","deliverable":"Sistema actualizado",
                           "weight":40,"agreedPercentI":40,"agreedPercentII":100}]}"""));
        ok(boss.post(path + "/goals/approve", "{}"));
        ok(servant.post(path + "/goals/accept", "{}"));
        ok(servant.post(path + "/self-evaluations/I/submit", compliance(50, 40)));
        ok(boss.post(path + "/self-evaluations/I/approve", "{}"));
        ok(servant.post(path + "/self-evaluations/I/accept", "{}"));
        ok(servant.post(path + "/self-evaluations/II/submit", compliance(50, 40)));
        ok(boss.post(path + "/self-evaluations/II/approve", "{}"));
        ok(boss.post(path + "/competencies", """
                {"ratings":[{"competency":"Orientación a resultados","score":50},
                            {"competency":"Trabajo en equipo","score":60}]}"""));
        ok(servant.post(path + "/final-result/accept", "{}"));

        String traceId = hex(16);
        Api tracedHr = hr.with(Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        assertThat(ok(tracedHr.post("/api/cycles/" + cycleId + "/consolidate", "{}"))
                .get("improvementPlansRequired").asInt()).isEqualTo(1);

        OtlpReceiver traces = system.traces();
        // Each service exports on its own schedule: plan-service's spans may arrive after reporting's.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<ReceivedSpan> spans = traces.spansOf(traceId);
            assertThat(spans).as("spans of trace %s", traceId)
                    .anyMatch(span("reporting-service", "CONSUMER", "reporting apply PlanCreated"))
                    .anyMatch(span("evaluation-service", "SERVER", null))
                    .anyMatch(span("evaluation-service", "CONSUMER", "forward ImprovementPlanRequired"))
                    .anyMatch(span("plan-service", "CONSUMER", "forward PlanCreated"));
            List<String> evaluationSends = spans.stream().filter(span("evaluation-service", "PRODUCER", null))
                    .map(ReceivedSpan::spanId).toList();
            assertThat(spans).as("plan-service's listener receives the record in the consolidation's trace")
                    .anyMatch(span("plan-service", "CONSUMER", null).and(received ->
                            received.name().contains("mejora.evaluation.events")
                                    && evaluationSends.contains(received.parentSpanId())));
        });
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    private static String compliance(int first, int second) {
        return """
                {"compliance":[{"goalNumber":1,"compliancePercent":%d,"evidence":"Acta de entrega"},
                               {"goalNumber":2,"compliancePercent":%d,"evidence":"Notas de versión"}]}"""
                .formatted(first, second);
    }

    private static Predicate<ReceivedSpan> span(String service, String kind, String name) {
        return span -> span.service().equals(service) && span.kind().equals("SPAN_KIND_" + kind)
                && (name == null || span.name().equals(name));
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> matching) {
        List<ReceivedSpan> found = spans.stream().filter(matching).toList();
        assertThat(found).as("one matching span among %s", spans).hasSize(1);
        return found.get(0);
    }

    private static List<String> logLines(String service) {
        try {
            return Files.readAllLines(system.log(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
