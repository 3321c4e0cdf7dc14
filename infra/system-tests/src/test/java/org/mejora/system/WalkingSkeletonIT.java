package org.mejora.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The thin slice through the whole system: a plan created at the gateway shows up in its audit history. */
class WalkingSkeletonIT {

    private static SystemUnderTest system;

    @BeforeAll
    static void startSystem() {
        system = SystemUnderTest.get();
    }

    @Test
    void aPlanCreatedThroughTheGatewayAppearsInItsHistoryWithWhoAndWhen() {
        String institution = TestIdentities.newInstitution();
        Api director = system.gatewayAs("lhernandez", institution, "PLAN_OWNER")
                .with(Map.of("X-Correlation-Id", "skeleton-" + institution));
        Instant before = Instant.now();

        Api.Response created = director.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de mejoramiento - Gestión Estratégica",
                 "institutionName":"ALCALDIA MUNICIPAL DE CALICA","auditedProcess":"Gestión Estratégica",
                 "procedures":"GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                 "responsible":"Directora de Planeación Estratégica","subscriptionDate":"2021-09-21",
                 "formatCode":"GEM-FM014","formatVersion":"02","period":"2021"}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("X-Correlation-Id")).isEqualTo("skeleton-" + institution);
        String planId = created.json().get("planId").asText();

        Api auditor = system.gatewayAs("auditor", institution, "AUDITOR");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(auditor.get("/api/reports/plans/" + planId + "/history").status()).isEqualTo(200));
        JsonNode entry = auditor.get("/api/reports/plans/" + planId + "/history").json().get("items").get(0);
        assertThat(entry.get("eventType").asText()).isEqualTo("PlanCreated");
        assertThat(entry.get("actor").get("userId").asText()).isEqualTo("lhernandez");
        assertThat(entry.get("actor").get("role").asText()).isEqualTo("PLAN_OWNER");
        assertThat(Instant.parse(entry.get("occurredAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(entry.get("correlationId").asText()).isEqualTo("skeleton-" + institution);
    }

    @Test
    void withoutATokenTheGatewayLetsNothingThrough() {
        assertThat(system.gateway().post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"x\"}").status())
                .isEqualTo(401);
    }
}
