package org.mejora.plan.plan.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.plan.api.PlanTopics;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TestTokens;
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
    void identityHeadersWithoutATokenAreNotTrusted() {
        Api.Response rejected = Api.at("http://localhost:" + port)
                .with(Map.of("X-Mejora-User", "intruder", "X-Mejora-Roles", "ADMIN",
                        "X-Mejora-Institution", institution))
                .post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"x\"}");

        assertUnauthorized(rejected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forged", "expired", "another audience"})
    void aTokenTheServiceCannotTrustIsRefusedWhenTheServiceIsCalledDirectly(String kind) {
        String token = switch (kind) {
            case "forged" -> TestTokens.token(TestTokens.otherKeys(), "intruder", institution, TestTokens.AUDIENCE,
                    Duration.ofMinutes(5), "ADMIN");
            case "expired" -> TestTokens.token(TestTokens.keys(), "lhernandez", institution, TestTokens.AUDIENCE,
                    Duration.ofMinutes(-5), "PLAN_OWNER");
            default -> TestTokens.token(TestTokens.keys(), "lhernandez", institution, "another-system",
                    Duration.ofMinutes(5), "PLAN_OWNER");
        };

        assertUnauthorized(Api.at("http://localhost:" + port).bearer(token)
                .post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"x\"}"));
    }

    @Test
    void theUsersOwnTokenIsTrusted() {
        Api.Response read = Api.at("http://localhost:" + port)
                .bearer(TestTokens.token("lhernandez", institution, "PLAN_OWNER")).get("/api/plans");

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
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
