package org.mejora.plan.plan.web;

import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.plan.api.PlanTopics;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** plan-service over HTTP against the real PostgreSQL and Kafka of the test run. */
class PlanApiIT extends PlanServiceContext {

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);

    @Test
    void aCreatedPlanIsPublishedWithWhoCreatedItAndInWhichRequest() {
        try (TopicProbe topic = TopicProbe.open(PlanTopics.EVENTS)) {
            Api.Response created = as(owner).post("/api/plans", """
                    {"kind":"AUDIT","title":"Plan de mejoramiento Gestión Estratégica",
                     "institutionName":"ALCALDIA MUNICIPAL DE CALICA","auditedProcess":"Gestión Estratégica",
                     "formatCode":"GEM-FM014","formatVersion":"02","subscriptionDate":"2021-09-21","period":"2021"}""");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String planId = created.json().get("planId").asText();
            assertThat(created.header("Location")).endsWith("/api/plans/" + planId);

            EventEnvelope event = topic.await(e -> e.aggregateId().equals(planId), Duration.ofSeconds(30));
            assertThat(event.eventType()).isEqualTo("PlanCreated");
            assertThat(event.schemaVersion()).isEqualTo(1);
            assertThat(event.aggregateType()).isEqualTo("Plan");
            assertThat(event.sequence()).isZero();
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.actor().userId()).isEqualTo("lhernandez");
            assertThat(event.actor().role()).isEqualTo("PLAN_OWNER");
            assertThat(event.correlationId()).isEqualTo("it-" + institution);
            assertThat(event.causationId()).isNotBlank();
            assertThat(event.payload().get("formatCode").asText()).isEqualTo("GEM-FM014");
            assertThat(topic.records()).anySatisfy(r -> assertThat(r.key()).isEqualTo(planId));
        }
    }

    @Test
    void aPlanWithoutTitleIsRejectedNamingTheField() {
        Api.Response rejected = as(owner).post("/api/plans", """
                {"kind":"AUDIT","title":""}""");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rejected.json().get("field").asText()).isEqualTo("title");
    }

    @Test
    void aRequestWithoutTheGatewaySignatureIsNotTrusted() {
        Api.Response rejected = Api.at("http://localhost:" + port)
                .with(Map.of("X-Mejora-User", "intruder", "X-Mejora-Roles", "ADMIN"))
                .post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"x\"}");

        assertThat(rejected.status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentListsTheWholeLifeOfAPlan() {
        Api.Response docs = as(owner).get("/v3/api-docs/plans");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").properties()).extracting(Map.Entry::getKey).contains(
                "/api/plans", "/api/plans/{planId}", "/api/plans/imports", "/api/plans/{planId}/follow-up-imports",
                "/api/plans/{planId}/findings/{findingId}/actions", "/api/plans/{planId}/actions/{actionId}/progress",
                "/api/plans/{planId}/actions/{actionId}/verification", "/api/plans/{planId}/approval",
                "/api/plans/{planId}/reports/{reportId}/submission");
    }

    @Test
    void aServantCannotCreateAnInstitutionalPlan() {
        Api.Response rejected = as(TestIdentities.user("servant", institution, Role.SERVANT))
                .post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"x\"}");

        assertThat(rejected.status()).isEqualTo(403);
    }
}
