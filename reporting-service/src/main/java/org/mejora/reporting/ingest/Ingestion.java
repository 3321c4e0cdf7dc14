package org.mejora.reporting.ingest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.plan.api.PlanTopics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the live ingestion loop for as long as the application runs. */
@Component("ingestionLoops")
public class Ingestion implements SmartLifecycle {

    public static final List<String> TOPICS = List.of(PlanTopics.EVENTS, EvaluationTopics.EVENTS);

    private final KafkaProperties kafka;
    private final EventApplier applier;
    private final IngestionLoop live;
    private Thread thread;

    Ingestion(KafkaProperties kafka, EventApplier applier) {
        this.kafka = kafka;
        this.applier = applier;
        this.live = newLoop("live", null, 0, 1);
    }

    /** A loop over a share of both topics' partitions writing the tables of {@code schema} (null: the live ones). */
    public IngestionLoop newLoop(String name, String schema, int slice, int slices) {
        return new IngestionLoop(name, schema, consumerProperties(name + "-" + slice), TOPICS, applier, slice, slices);
    }

    public Map<String, Object> consumerProperties(String clientSuffix) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        // Positions live in the database beside the projections; the broker's group offsets are never used.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-" + clientSuffix);
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
