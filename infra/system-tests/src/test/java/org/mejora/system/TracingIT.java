package org.mejora.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.system.OtlpReceiver.ReceivedSpan;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.io.IOException;
import java.io.UncheckedIOException;
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
            assertThat(spans).as("spans of trace %s", traceId)
                    .anyMatch(span("reporting-service", "CONSUMER", "reporting apply PlanCreated"));
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

        // The batch that applied it is a span of its own, linked to the command's trace.
        assertThat(traces.spans()).anyMatch(batch -> batch.service().equals("reporting-service")
                && batch.name().equals("reporting apply batch") && batch.linkedTraceIds().contains(traceId));

        assertThat(logLines("reporting")).as("reporting's log line for the event carries the trace id")
                .anyMatch(line -> line.contains(traceId) && line.contains("applied PlanCreated"));
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
