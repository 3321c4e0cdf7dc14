package org.mejora.reporting.ingest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.plan.api.PlanTopics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the live ingestion loop for as long as the application runs: a member of the consumer group
 * ({@code spring.kafka.consumer.group-id}) shared by every instance of this service on the same database.
 */
@Component("ingestionLoops")
public class Ingestion implements SmartLifecycle {

    public static final List<String> TOPICS = List.of(PlanTopics.EVENTS, EvaluationTopics.EVENTS);
    /** Tells this instance's consumers from another's in the broker's group listing. */
    private static final String INSTANCE = Long.toString(ProcessHandle.current().pid());
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final KafkaProperties kafka;
    private final EventApplier applier;
    private final IngestionLoop live;
    private Thread thread;

    Ingestion(KafkaProperties kafka, EventApplier applier) {
        this.kafka = kafka;
        this.applier = applier;
        Map<String, Object> group = consumerProperties("live");
        group.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.getConsumer().getGroupId());
        // A member that joins or leaves moves only the partitions that change hands; the others keep applying.
        group.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // A member that died without leaving hands its partitions over within 10 s rather than 45.
        group.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        group.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        this.live = new IngestionLoop("live", null, group, TOPICS, applier, -1, 1);
    }

    /** A loop over a share of both topics' partitions writing the tables of {@code schema}, outside the group. */
    public IngestionLoop newLoop(String name, String schema, int slice, int slices) {
        Map<String, Object> properties = consumerProperties(name + "-" + slice);
        // A rebuild reads a backlog: bigger batches, fewer transactions and look-ups per event.
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        return new IngestionLoop(name, schema, properties, TOPICS, applier, slice, slices);
    }

    /** Consumer settings outside any group: positions live in the database beside the projections. */
    public Map<String, Object> consumerProperties(String clientSuffix) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-" + clientSuffix + "-" + INSTANCE + "-"
                + CLIENTS.incrementAndGet());
        return properties;
    }

    public IngestionLoop live() {
        return live;
    }

    @Override
    public void start() {
        thread = new Thread(live, "reporting-ingestion-live");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        try {
            live.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
