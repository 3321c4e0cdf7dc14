package org.mejora.reporting.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.plan.api.PlanTopics;
import org.mejora.reporting.ReportingServiceApplication;
import org.mejora.reporting.support.SeedPlans;
import org.mejora.testing.Api;
import org.mejora.testing.ServiceUnderTest;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of reporting-service on one database and one broker, as {@code MEJORA_INSTANCES=2} runs them: they
 * share the partitions through the consumer group, every event is applied exactly once, a rebuild started on one is
 * refused on the other and hands over to both, and when one stops the other takes its partitions on from the
 * offsets in the database without losing or repeating an event.
 */
class TwoInstancesIT {

    private static final String GROUP_RUN = Long.toString(System.nanoTime(), 36);
    private final String institution = TestIdentities.newInstitution();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesShareThePartitionsApplyEachEventOnceAndLoseNothingWhenOneStops() {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        IngestionLoop firstLoop = first.getBean(Ingestion.class).live();
        IngestionLoop secondLoop = second.getBean(Ingestion.class).live();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(firstLoop.positions()).isNotEmpty();
            assertThat(secondLoop.positions()).isNotEmpty();
        });
        assertThat(disjoint(firstLoop.positions().keySet(), secondLoop.positions().keySet())).isTrue();

        List<SeedPlans> before = publishPlans(24);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        awaitAppliedOnce(jdbc, before);

        // One rebuild at a time across the instances; the status is the same on both; both go on in the rebuilt
        // tables.
        // replaceAnyway: the test database may hold rows of events an earlier run published to another broker.
        Api.Response started = admin(second).post("/api/reports/rebuilds?replaceAnyway=true", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        Api.Response refused = admin(first).post("/api/reports/rebuilds", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("reconstrucción en curso");
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode current = admin(first).get("/api/reports/rebuilds/current").json();
            assertThat(current.get("id").asText()).isEqualTo(id);
            assertThat(current.get("state").asText()).as(current.toString()).isEqualTo("COMPLETED");
        });
        JsonNode outcome = admin(first).get("/api/reports/rebuilds/current").json();
        assertThat(outcome.get("switched").asBoolean()).as(outcome.toString()).isTrue();

        List<SeedPlans> afterRebuild = publishPlans(12);
        awaitAppliedOnce(jdbc, afterRebuild);

        // One instance stops: its partitions move to the other, which goes on from the offsets in the database.
        Set<TopicPartition> handedOver = new HashSet<>(secondLoop.positions().keySet());
        second.close();
        instances.remove(second);
        List<SeedPlans> afterStop = publishPlans(24);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(firstLoop.positions().keySet()).containsAll(handedOver));
        awaitAppliedOnce(jdbc, afterStop);
        awaitAppliedOnce(jdbc, before);
        awaitAppliedOnce(jdbc, afterRebuild);
        System.out.printf("TWO INSTANCES: partitions %s and %s; %d events applied by the first, %d by the second;"
                        + " after the second stopped the first holds %s%n", firstLoop.positions().keySet().size(),
                handedOver.size(), firstLoop.applied(), secondLoop.applied(), firstLoop.positions().keySet().size());
    }

    @Test
    void aBatchOfAPartitionThatMovedOnElsewhereIsNotAppliedAgain() {
        ConfigurableApplicationContext only = start();
        IngestionLoop loop = only.getBean(Ingestion.class).live();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(loop.positions()).isNotEmpty());
        List<SeedPlans> plans = publishPlans(1);
        JdbcClient jdbc = only.getBean(JdbcClient.class);
        awaitAppliedOnce(jdbc, plans);
        EventApplier applier = only.getBean(EventApplier.class);
        Map<TopicPartition, Long> recorded = applier.positions(null);
        SeedPlans plan = new SeedPlans(institution);
        List<EventEnvelope> events = plan.gemFm014();
        TopicPartition partition = recorded.keySet().iterator().next();
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        org.mejora.envelope.EnvelopeCodec codec = new org.mejora.envelope.EnvelopeCodec();
        for (int i = 0; i < events.size(); i++) {
            records.add(new org.apache.kafka.clients.consumer.ConsumerRecord<>(partition.topic(),
                    partition.partition(), recorded.get(partition) + i, plan.planId, codec.write(events.get(i))));
        }
        // This instance believes the partition stands one record earlier than the database says: another instance
        // has applied past that point since.
        Map<TopicPartition, Long> stale = new HashMap<>();
        stale.put(partition, recorded.get(partition) - 1);

        Map<TopicPartition, Long> fenced = applier.apply(null, records, stale);

        assertThat(fenced).containsEntry(partition, recorded.get(partition));
        assertThat(jdbc.sql("select count(*) from history_entry where aggregate_id = ?").param(plan.planId)
                .query(Long.class).single()).isZero();
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        ServiceUnderTest.register((name, value) -> properties.put(name, value.get()), "reporting");
        properties.put("server.port", 0);
        // A group of their own: the suite's other reporting contexts, alive in this JVM on the same database, are
        // members of the tests' usual group and would take partitions of it. They apply the same topics into the same
        // tables, which the offset fence keeps to once per event; which instance applies a batch is not this test's.
        properties.put("spring.kafka.consumer.group-id", "reporting-two-instances-" + GROUP_RUN);
        // As command-line arguments: they outrank application.yml, as the tests' dynamic properties do.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingServiceApplication.class)
                .run(arguments);
        instances.add(context);
        return context;
    }

    private Api admin(ConfigurableApplicationContext instance) {
        String port = instance.getEnvironment().getProperty("local.server.port");
        return Api.at("http://localhost:" + port).with(TestIdentities.headers(
                TestIdentities.user("plataforma", institution, Role.PLATFORM_ADMIN)));
    }

    private List<SeedPlans> publishPlans(int count) {
        List<SeedPlans> plans = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SeedPlans plan = new SeedPlans(institution);
            plans.add(plan);
            events.addAll(plan.gemFm014());
        }
        TopicProbe.publish(PlanTopics.EVENTS, events);
        return plans;
    }

    /** Every event of the plans is in the history, each once, its aggregate at its last sequence, nothing refused. */
    private static void awaitAppliedOnce(JdbcClient jdbc, List<SeedPlans> plans) {
        String[] ids = plans.stream().map(plan -> plan.planId).toArray(String[]::new);
        long expected = (long) ids.length * new SeedPlans("x").gemFm014().size();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                                select count(distinct (aggregate_id, sequence)) from history_entry
                                where aggregate_type = 'Plan' and aggregate_id = any(?)""")
                        .param(ids).query(Long.class).single()).isEqualTo(expected));
        assertThat(jdbc.sql("""
                        select count(*) from (select event_id from processed_event p
                            join history_entry h using (event_id)
                            where h.aggregate_id = any(?) group by event_id, h.entity_type, h.entity_id
                            having count(*) > 1) d""")
                .param(ids).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select sum(next_sequence) from aggregate_sequence where aggregate_id = any(?)")
                .param(ids).query(Long.class).single()).isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from ingest_problem where aggregate_id = any(?)")
                .param(ids).query(Long.class).single()).isZero();
    }

    private static boolean disjoint(Set<TopicPartition> a, Set<TopicPartition> b) {
        Set<TopicPartition> both = new HashSet<>(a);
        both.retainAll(b);
        return both.isEmpty();
    }
}
