package org.mejora.envelope.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.mejora.envelope.chain.ChainJson;
import org.mejora.envelope.chain.Checkpoint;
import org.mejora.envelope.chain.Checkpointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every interval, stores a signed checkpoint of the chain heads that moved (none when nothing changed) and publishes
 * the stored, unpublished ones to the checkpoint topic, keyed by producer. The value is JSON:
 * {@code {"producer","number","keyId","publicJwk","jws"}}; the JWS alone is the evidence, the rest is for routing.
 */
public class HistoryCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryCheckpoints.class);
    private static final int BACKFILL_PER_ROUND = 500;

    private final DataSource dataSource;
    private final Checkpointer checkpointer;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final String producer;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    /** Until a round finds no aggregate stored before chaining began. */
    private volatile boolean backfilling = true;

    public HistoryCheckpoints(DataSource dataSource, Checkpointer checkpointer, KafkaTemplate<String, byte[]> kafka,
                              String topic, String producer, Duration interval, Clock clock) {
        this.dataSource = dataSource;
        this.checkpointer = checkpointer;
        this.kafka = kafka;
        this.topic = topic;
        this.producer = producer;
        this.interval = interval;
        this.clock = clock;
    }

    /** One round: checkpoint until no head is left uncovered, then publish. Answers the checkpoints published. */
    public int runOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (backfilling) {
                int chained = checkpointer.backfill(connection, BACKFILL_PER_ROUND);
                if (chained > 0) {
                    log.info("chained {} aggregates of {} stored before chaining began", chained, producer);
                }
                backfilling = chained == BACKFILL_PER_ROUND;
            }
            Optional<Checkpoint> made;
            do {
                made = checkpointer.checkpoint(connection, clock.instant());
                made.ifPresent(c -> log.info("checkpoint {} of {} signed with key {}: {} heads", c.number(), producer,
                        c.keyId(), c.heads().size()));
            } while (made.isPresent());
            return checkpointer.publish(connection, this::send);
        }
    }

    private void send(Checkpoint checkpoint) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("producer", producer);
        value.put("number", checkpoint.number());
        value.put("keyId", checkpoint.keyId());
        value.put("publicJwk", checkpointer.publicJwk());
        value.put("jws", checkpoint.jws());
        try {
            kafka.send(topic, producer, ChainJson.MAPPER.writeValueAsBytes(value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing checkpoint " + checkpoint.number(), e);
        } catch (ExecutionException | TimeoutException | JsonProcessingException e) {
            throw new IllegalStateException("checkpoint " + checkpoint.number() + " not acknowledged on " + topic, e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "history-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (Exception e) {
                // The next round retries: stored checkpoints stay unpublished until Kafka acknowledges them.
                log.warn("history checkpoint round failed: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("history checkpoints of {} every {} on {} with key {}", producer, interval, topic,
                checkpointer.keyId());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
