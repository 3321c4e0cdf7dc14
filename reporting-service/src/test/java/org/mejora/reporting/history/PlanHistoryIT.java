package org.mejora.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.testing.Api;
import org.mejora.testing.ServiceUnderTest;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** reporting-service fed through the real broker, read over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanHistoryIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceUnderTest.register(registry, "reporting");
    }

    @LocalServerPort
    int port;

    private final String institution = TestIdentities.newInstitution();

    private Api as(String institutionId, Role role) {
        return Api.at("http://localhost:" + port)
                .with(TestIdentities.headers(TestIdentities.user("auditor", institutionId, role)));
    }

    @Test
    void aPlanHistoryShowsWhoCreatedItAndWhenEvenIfTheEventArrivesTwice() {
        String planId = UUID.randomUUID().toString();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope created = planCreated(planId, createdAt);

        TopicProbe.publish("mejora.plan.events", List.of(created, created));

        Api auditor = as(institution, Role.AUDITOR);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(auditor.get("/api/reports/plans/" + planId + "/history").status()).isEqualTo(200));
        JsonNode history = auditor.get("/api/reports/plans/" + planId + "/history").json();
        assertThat(history).hasSize(1);
        JsonNode entry = history.get(0);
        assertThat(entry.get("eventType").asText()).isEqualTo("PlanCreated");
        assertThat(Instant.parse(entry.get("occurredAt").asText())).isEqualTo(createdAt);
        assertThat(entry.get("actor").get("userId").asText()).isEqualTo("lhernandez");
        assertThat(entry.get("actor").get("role").asText()).isEqualTo("PLAN_OWNER");
        assertThat(entry.get("change").get("title").asText()).isEqualTo("Plan de mejoramiento 2021");
    }

    @Test
    void aRecordThatIsNoEnvelopeDoesNotBlockTheEventsBehindIt() {
        String planId = UUID.randomUUID().toString();
        TopicProbe.publishRaw("mejora.plan.events",
                List.of(Map.entry(planId, "this is not JSON".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        TopicProbe.publish("mejora.plan.events", List.of(planCreated(planId, Instant.now())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(as(institution, Role.AUDITOR).get("/api/reports/plans/" + planId + "/history").status())
                        .isEqualTo(200));
    }

    @Test
    void anotherInstitutionCannotSeeAPlanHistory() {
        String planId = UUID.randomUUID().toString();
        TopicProbe.publish("mejora.plan.events", List.of(planCreated(planId, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(as(institution, Role.AUDITOR).get("/api/reports/plans/" + planId + "/history").status())
                        .isEqualTo(200));

        assertThat(as("another-institution", Role.AUDITOR).get("/api/reports/plans/" + planId + "/history").status())
                .isEqualTo(404);
    }

    private EventEnvelope planCreated(String planId, Instant at) {
        return new EventEnvelope(UUID.randomUUID(), "PlanCreated", 1, "Plan", planId, 0, at, institution,
                new Actor("lhernandez", "PLAN_OWNER", "Luz Andrea Hernández"), "corr-1", UUID.randomUUID().toString(),
                new EnvelopeCodec().toTree(Map.of("planId", planId, "institutionId", institution, "kind", "AUDIT",
                        "title", "Plan de mejoramiento 2021")));
    }
}
