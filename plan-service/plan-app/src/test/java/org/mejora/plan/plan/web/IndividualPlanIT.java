package org.mejora.plan.plan.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.evaluation.api.ImprovementPlanRequired;
import org.mejora.identity.Role;
import org.mejora.plan.PlanServiceContext;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Individual plans opened from evaluation-service's ImprovementPlanRequired, once however often it arrives. */
class IndividualPlanIT extends PlanServiceContext {

    private final String institution = TestIdentities.newInstitution();

    @Test
    void aRedeliveredImprovementPlanRequiredOpensExactlyOnePlanForTheServant() {
        String evaluationId = "ev-" + UUID.randomUUID();
        ImprovementPlanRequired required = new ImprovementPlanRequired(evaluationId, "cycle-2024", institution, 2024,
                "amora", "Ana Mora", "lsuarez", "Luis Suárez", new BigDecimal("61.5"), "No satisfactorio",
                new BigDecimal("70"));
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "ImprovementPlanRequired", 1, "Evaluation",
                evaluationId, 9, Instant.now(), institution, new Actor("hr1", "HR", "Talento Humano"), "corr-" + evaluationId,
                UUID.randomUUID().toString(), new EnvelopeCodec().toTree(required));
        EventEnvelope other = new EventEnvelope(UUID.randomUUID(), "GoalsSubmitted", 1, "Evaluation", evaluationId, 1,
                Instant.now(), institution, new Actor("amora", "SERVANT", "Ana Mora"), "c", "c",
                new EnvelopeCodec().toTree(java.util.Map.of("evaluationId", evaluationId)));

        TopicProbe.publish(EvaluationTopics.EVENTS, List.of(other, envelope, envelope));

        var hr = as(TestIdentities.user("hr1", institution, Role.HR));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hr.get("/api/plans?kind=INDIVIDUAL").json().get("items")).hasSize(1));
        TopicProbe.publish(EvaluationTopics.EVENTS, List.of(envelope));
        String planId = IndividualPlanIntake.planIdOf(evaluationId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(hr.get("/api/plans?kind=INDIVIDUAL").json().get("items")).singleElement()
                        .satisfies(p -> assertThat(p.get("planId").asText()).isEqualTo(planId)));

        JsonNode plan = as(TestIdentities.user("amora", institution, Role.SERVANT)).get("/api/plans/" + planId).json();
        assertThat(plan.get("kind").asText()).isEqualTo("INDIVIDUAL");
        assertThat(plan.get("individual").get("evaluationId").asText()).isEqualTo(evaluationId);
        assertThat(plan.get("individual").get("cycleId").asText()).isEqualTo("cycle-2024");
        assertThat(plan.get("individual").get("supervisorId").asText()).isEqualTo("lsuarez");
        assertThat(as(TestIdentities.user("colleague", institution, Role.SERVANT)).get("/api/plans/" + planId)
                .status()).isEqualTo(404);
        assertThat(as(TestIdentities.user("lsuarez", institution, Role.SUPERVISOR))
                .post("/api/plans/" + planId + "/findings", """
                        {"number":"1","description":"Resultado bajo en el factor de competencias",
                         "source":{"type":"EVALUATION_FACTOR","factor":"Competencias conductuales"}}""").status())
                .isEqualTo(201);
    }
}
