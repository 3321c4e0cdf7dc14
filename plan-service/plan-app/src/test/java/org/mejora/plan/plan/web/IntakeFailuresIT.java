package org.mejora.plan.plan.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.evaluation.api.ImprovementPlanRequired;
import org.mejora.identity.Role;
import org.mejora.plan.PlanServiceContext;
import org.mejora.plan.plan.intake.DeadLetters;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TestInfrastructure;
import org.mejora.testing.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The intake waits for a database that is away and sets aside what it can never apply, then goes on. */
class IntakeFailuresIT extends PlanServiceContext {

    private final String institution = TestIdentities.newInstitution();
    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private DeadLetters deadLetters;

    @Test
    void recordsThatCanNeverApplyGoToTheDeadLetterTopicAndTheNextRecordOpensItsPlan() {
        String evaluationId = "ev-" + UUID.randomUUID();
        long deadLetteredBefore = deadLetters.sinceStart();
        try (KafkaConsumer<String, byte[]> dlt = deadLetterTopicFromNow()) {
            byte[] noEnvelope = "{\"esto\": no es un sobre".getBytes(StandardCharsets.UTF_8);
            // A readable envelope whose payload is no ImprovementPlanRequired: a year in words.
            EventEnvelope unreadablePayload = envelope(evaluationId, codec.toTree(Map.of("evaluationId", evaluationId,
                    "institutionId", institution, "year", "dos mil veinticuatro", "servantId", "amora")));
            // Same key, so the same partition, in this order: the good record waits behind the two poison ones.
            TopicProbe.publishRaw(EvaluationTopics.EVENTS, List.of(Map.entry(evaluationId, noEnvelope)));
            TopicProbe.publish(EvaluationTopics.EVENTS, List.of(unreadablePayload, required(evaluationId)));

            var hr = as(TestIdentities.user("hr1", institution, Role.HR));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(hr.get("/api/plans?kind=INDIVIDUAL").json().get("items")).hasSize(1));

            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (evaluationId.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return mine.size() >= 2;
            });
            assertThat(mine).hasSize(2);
            assertThat(mine.get(0).value()).isEqualTo(noEnvelope);
            assertThat(codec.read(mine.get(1).value()).eventId()).isEqualTo(unreadablePayload.eventId());
            for (ConsumerRecord<String, byte[]> record : mine) {
                assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(EvaluationTopics.EVENTS);
                assertThat(header(record, "kafka_dlt-exception-fqcn")).isNotBlank();
            }
            // A record still unreadable stays refused on replay; only a platform administrator may replay.
            ConsumerRecord<String, byte[]> poison = mine.get(1);
            String replay = "/api/plans/admin/dead-letters/" + poison.partition() + "/" + poison.offset() + "/replay";
            assertThat(as(TestIdentities.user("admin1", institution, Role.ADMIN)).post(replay, "").status()).isEqualTo(403);
            var platform = as(TestIdentities.user("root1", institution, Role.PLATFORM_ADMIN));
            var refused = platform.post(replay, "");
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.json().get("outcome").asText()).isEqualTo("STILL_REFUSED");
            assertThat(refused.json().get("originalTopic").asText()).isEqualTo(EvaluationTopics.EVENTS);
            assertThat(platform.get("/api/plans/admin/dead-letters?limit=500").json().toString())
                    .contains(evaluationId);
        }
        assertThat(deadLetters.sinceStart()).isGreaterThanOrEqualTo(deadLetteredBefore + 2);
        Counter counter = meters.find("mejora.plan.intake.dead.lettered").counter();
        assertThat(counter).isNotNull();
        assertThat(counter.count()).isGreaterThanOrEqualTo(2);
        assertThat(deadLetters.health().getDetails()).containsEntry("topic", DeadLetters.TOPIC)
                .containsKey("last");
    }

    @Test
    void aDatabaseLockedForSecondsDelaysTheIndividualPlanWithoutLosingIt() throws Exception {
        String evaluationId = "ev-" + UUID.randomUUID();
        TestInfrastructure infra = TestInfrastructure.get();
        double transientBefore = transientRetries();
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("plan", "test"),
                infra.dbUser("plan"), infra.dbPassword("plan"));
             Statement statement = connection.createStatement()) {
            // Every read and write of the plan views waits on this lock; the intake gives up after its lock timeout.
            connection.setAutoCommit(false);
            statement.execute("LOCK TABLE plan_view IN ACCESS EXCLUSIVE MODE");
            TopicProbe.publish(EvaluationTopics.EVENTS, List.of(required(evaluationId)));
            await().atMost(Duration.ofSeconds(60)).until(() -> transientRetries() >= transientBefore + 3);
            connection.commit();
        }
        var hr = as(TestIdentities.user("hr1", institution, Role.HR));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hr.get("/api/plans?kind=INDIVIDUAL").json().get("items")).singleElement()
                        .satisfies(p -> assertThat(p.get("planId").asText())
                                .isEqualTo(IndividualPlanIntake.planIdOf(evaluationId))));
    }

    @Test
    void aDeadLetteredRecordThatCanApplyNowOpensItsPlanWhenAPlatformAdministratorReplaysIt() {
        String evaluationId = "ev-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> dlt = deadLetterTopicFromNow()) {
            // As set aside by an older version that could not read it: on the DLT, never applied.
            TopicProbe.publish(DeadLetters.TOPIC, List.of(required(evaluationId)));
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (evaluationId.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });
            var hr = as(TestIdentities.user("hr1", institution, Role.HR));
            assertThat(hr.get("/api/plans?kind=INDIVIDUAL").json().get("items")).isEmpty();
            var applied = as(TestIdentities.user("root1", institution, Role.PLATFORM_ADMIN)).post(
                    "/api/plans/admin/dead-letters/" + mine.get(0).partition() + "/" + mine.get(0).offset() + "/replay", "");
            assertThat(applied.json().get("outcome").asText()).isEqualTo("APPLIED");
            assertThat(hr.get("/api/plans?kind=INDIVIDUAL").json().get("items")).singleElement()
                    .satisfies(p -> assertThat(p.get("planId").asText())
                            .isEqualTo(IndividualPlanIntake.planIdOf(evaluationId)));
        }
    }

    private double transientRetries() {
        Counter counter = meters.find("mejora.plan.intake.retries").tag("kind", "transient").counter();
        return counter == null ? 0 : counter.count();
    }

    private EventEnvelope required(String evaluationId) {
        ImprovementPlanRequired required = new ImprovementPlanRequired(evaluationId, "cycle-2024", institution, 2024,
                "amora", "Ana Mora", "lsuarez", "Luis Suárez", new BigDecimal("61.5"), "No satisfactorio",
                new BigDecimal("70"));
        return envelope(evaluationId, codec.toTree(required));
    }

    private EventEnvelope envelope(String evaluationId, com.fasterxml.jackson.databind.JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), "ImprovementPlanRequired", 1, "Evaluation", evaluationId, 9,
                Instant.now(), institution, new Actor("hr1", "HR", "Talento Humano"), "corr-" + evaluationId,
                UUID.randomUUID().toString(), payload);
    }

    private static KafkaConsumer<String, byte[]> deadLetterTopicFromNow() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(DeadLetters.TOPIC).stream()
                .map(info -> new TopicPartition(DeadLetters.TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
