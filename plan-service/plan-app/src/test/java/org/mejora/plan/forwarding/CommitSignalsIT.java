package org.mejora.plan.forwarding;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.envelope.axon.CommitSignals;
import org.mejora.envelope.chain.ChainHeaders;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.plan.api.PlanTopics;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forwarder to Kafka is woken by commits rather than by polling: a commit of this instance reaches the
 * forwarder of another instance (two instances share the processor's segments), and commands committed side by side
 * all reach the topic, each with its link of the hash chain.
 */
class CommitSignalsIT extends PlanServiceContext {

    private static final String CREATE = """
            {"kind":"AUDIT","title":"Plan %d","institutionName":"ALCALDIA MUNICIPAL DE CALICA",
             "auditedProcess":"Gestión Estratégica","formatCode":"GEM-FM014","formatVersion":"02",
             "subscriptionDate":"2021-09-21","period":"2021"}""";

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);

    @Autowired
    DataSource dataSource;

    @Test
    void aCommitHereWakesTheForwarderOfAnotherInstance() throws Exception {
        CommitSignals otherInstance = new CommitSignals(dataSource);
        Semaphore wakes = new Semaphore(0);
        otherInstance.subscribe(wakes::release);
        otherInstance.start();
        try {
            // Once listening, it wakes its streams for what it may have missed before.
            assertThat(wakes.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            wakes.drainPermits();

            Api.Response created = as(owner).post("/api/plans", CREATE.formatted(1));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(wakes.tryAcquire(30, TimeUnit.SECONDS)).as("woken by the other instance's commit").isTrue();
        } finally {
            otherInstance.stop();
        }
    }

    @Test
    void commandsCommittedSideBySideAllReachTheTopicWithTheirChainLinks() throws Exception {
        int plans = 12;
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (TopicProbe topic = TopicProbe.open(PlanTopics.EVENTS)) {
            List<CompletableFuture<String>> sent = new ArrayList<>();
            for (int i = 0; i < plans; i++) {
                int n = i;
                sent.add(CompletableFuture.supplyAsync(() -> {
                    Api.Response created = as(owner).post("/api/plans", CREATE.formatted(n));
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    return created.json().get("planId").asText();
                }, clients));
            }
            Set<String> planIds = sent.stream().map(CompletableFuture::join).collect(Collectors.toSet());

            List<EventEnvelope> published = topic.awaitAll(e -> planIds.contains(e.aggregateId()), plans,
                    Duration.ofSeconds(60));

            assertThat(published).extracting(EventEnvelope::aggregateId).containsAll(planIds);
            List<ConsumerRecord<String, byte[]>> records = topic.records().stream()
                    .filter(r -> planIds.contains(r.key())).toList();
            assertThat(records).allSatisfy(r -> {
                assertThat(r.headers().lastHeader(ChainHeaders.HASH)).isNotNull();
                assertThat(r.headers().lastHeader(ChainHeaders.PREVIOUS_HASH)).isNotNull();
            });
        } finally {
            clients.shutdownNow();
        }
    }
}
