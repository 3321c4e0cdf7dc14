package org.mejora.reporting.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.reporting.support.ReportingIT;
import org.mejora.reporting.support.SeedPlans;
import org.mejora.testing.Api;
import org.mejora.testing.TestInfrastructure;
import org.mejora.testing.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of every projection from the topics' beginning over a few thousand events: reads keep answering from the
 * live tables, the rebuilt ones replace them only when caught up, and their checksums equal the live ones. Prints the
 * rebuild rate beside the rate of a plain Kafka consumer reading the same topics into nothing.
 */
class RebuildIT extends ReportingIT {

    @Autowired
    JdbcClient jdbc;

    private static final int PLANS = 300;

    @Test
    void aRebuildFromTheBeginningEndsWithTheLiveChecksumWhileReadsKeepAnswering() throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        SeedPlans last = null;
        for (int i = 0; i < PLANS; i++) {
            last = new SeedPlans(institution);
            events.addAll(last.gemFm014());
        }
        TopicProbe.publish("mejora.plan.events", events);
        String read = "/api/reports/history/plans/" + last.planId;
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(auditor().get(read).json().path("total").asLong()).isEqualTo(10));

        Api admin = as("plataforma", institution, Role.PLATFORM_ADMIN);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> wrong = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                Api.Response response = auditor().get(read);
                if (response.status() != 200 || response.json().path("total").asLong() != 10) {
                    synchronized (wrong) {
                        wrong.add(response.toString());
                    }
                }
                answered.incrementAndGet();
            }
        });
        reader.start();
        JsonNode result;
        try {
            // The live tables may hold rows folded by an older build of this service: the first rebuild refolds
            // them with this one. The second starts the moment the first is reported done, and must find nothing
            // to change.
            rebuild(admin, true);
            result = rebuild(admin, false);
        } finally {
            rebuilding.set(false);
            reader.join();
        }

        double baseline = rawConsumerRate();
        System.out.printf("REBUILD %d events in %s s: %.1f events/s; raw Kafka consumer baseline: %.1f events/s;"
                        + " %d reads answered during the rebuild%n", result.get("eventsDone").asLong(),
                Duration.between(java.time.Instant.parse(result.get("startedAt").asText()),
                        java.time.Instant.parse(result.get("finishedAt").asText())).toMillis() / 1000.0,
                result.get("eventsPerSecond").asDouble(), baseline, answered.get());

        assertThat(result.get("checksumsEqual").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("liveChecksum").asText()).isEqualTo(result.get("rebuiltChecksum").asText());
        assertThat(result.get("eventsDone").asLong()).isGreaterThanOrEqualTo(events.size());
        assertThat(wrong).isEmpty();
        assertThat(answered.get()).isPositive();
        assertThat(auditor().get(read).json().path("total").asLong()).isEqualTo(10);
    }

    @Test
    void onlyThePlatformAdministratorStartsARebuildNotAnInstitutionsAdmin() {
        Api.Response refused = auditor().post("/api/reports/rebuilds", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("administrador de la plataforma");

        Api institutionAdmin = as("admin", institution, Role.ADMIN);
        assertThat(institutionAdmin.post("/api/reports/rebuilds", "").status()).isEqualTo(403);
        assertThat(institutionAdmin.get("/api/reports/rebuilds/current").status()).isEqualTo(403);
        assertThat(institutionAdmin.get("/api/reports/admin/ingestion-problems").status()).isEqualTo(403);
    }

    @Test
    void aRebuildThatDiffersFromTheLiveTablesKeepsThemAndNamesTheRowsThatDiffer() {
        SeedPlans plan = new SeedPlans(institution);
        TopicProbe.publish("mejora.plan.events", plan.gemFm014());
        String read = "/api/reports/history/plans/" + plan.planId;
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(auditor().get(read).json().path("total").asLong()).isEqualTo(10));
        // Someone changed a live row behind ingestion's back: the events say otherwise.
        jdbc.sql("""
                        update entity_state set state = jsonb_set(state, '{status}', '"CLOSED"')
                        where entity_type = 'Plan' and entity_id = ?""")
                .param(plan.planId).update();

        JsonNode result = rebuild(as("plataforma", institution, Role.PLATFORM_ADMIN), false);

        assertThat(result.get("checksumsEqual").asBoolean()).isFalse();
        assertThat(result.get("switched").asBoolean()).isFalse();
        assertThat(result.get("differences")).anySatisfy(row -> {
            assertThat(row.get("table").asText()).isEqualTo("entity_state");
            assertThat(row.at("/key/entity_type").asText()).isEqualTo("Plan");
            assertThat(row.at("/key/entity_id").asText()).isEqualTo(plan.planId);
            assertThat(row.get("side").asText()).isEqualTo("live");
        });
        assertThat(jdbc.sql("select state ->> 'status' from entity_state where entity_type = 'Plan' and entity_id = ?")
                .param(plan.planId).query(String.class).single()).isEqualTo("CLOSED");
    }

    private JsonNode rebuild(Api admin, boolean replaceAnyway) {
        Api.Response started = admin.post("/api/reports/rebuilds?replaceAnyway=" + replaceAnyway, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asText();
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode current = admin.get("/api/reports/rebuilds/current").json();
            seen.add(current);
            assertThat(current.get("id").asText()).isEqualTo(id);
            assertThat(current.get("state").asText()).as(current.toString()).isIn("COMPLETED", "FAILED");
        });
        JsonNode result = seen.get(seen.size() - 1);
        assertThat(result.get("state").asText()).as(result.toString()).isEqualTo("COMPLETED");
        return result;
    }

    /** A plain consumer reading both topics from the beginning into nothing, on the same machine and run. */
    private static double rawConsumerRate() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TestInfrastructure.TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            long records = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records / ((System.nanoTime() - started) / 1e9);
        }
    }
}
