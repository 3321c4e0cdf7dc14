package org.mejora.reporting.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mejora.envelope.chain.ChainJson;
import org.mejora.envelope.chain.Checkpoint;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.plan.api.PlanTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every signed checkpoint the producers publish ({@code mejora.*.checkpoints}) in {@code integrity_checkpoint}.
 * One consumer over every partition, manually assigned; its position is the highest offset stored per partition, so
 * a restart neither loses nor duplicates a checkpoint.
 */
@Component
class CheckpointArchive implements SmartLifecycle {

    static final List<String> TOPICS = List.of(PlanTopics.CHECKPOINTS, EvaluationTopics.CHECKPOINTS);
    private static final Logger log = LoggerFactory.getLogger(CheckpointArchive.class);

    private final JdbcTemplate jdbc;
    private final String bootstrap;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running;
    private Thread thread;

    CheckpointArchive(JdbcTemplate jdbc, @Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        this.jdbc = jdbc;
        this.bootstrap = bootstrap;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "checkpoint-archive");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : TOPICS) {
                    var found = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                    if (found == null || found.isEmpty()) {
                        throw new IllegalStateException("topic " + topic + " does not exist yet");
                    }
                    found.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                Map<TopicPartition, Long> stored = storedPositions();
                for (TopicPartition partition : partitions) {
                    Long next = stored.get(partition);
                    if (next == null) {
                        consumer.seekToBeginning(List.of(partition));
                    } else {
                        consumer.seek(partition, next);
                    }
                }
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        keep(record);
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("checkpoint archive: {}; retrying from the stored offsets", e.toString());
                    sleep();
                }
            }
        }
    }

    private Map<TopicPartition, Long> storedPositions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.query("select topic, kafka_partition, max(kafka_offset) + 1 from integrity_checkpoint "
                        + "group by topic, kafka_partition",
                row -> {
                    positions.put(new TopicPartition(row.getString(1), row.getInt(2)), row.getLong(3));
                });
        return positions;
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        Checkpoint checkpoint;
        String publicJwk;
        try {
            JsonNode value = ChainJson.MAPPER.readTree(record.value());
            checkpoint = Checkpoint.parse(value.path("jws").asText());
            publicJwk = value.path("publicJwk").asText();
        } catch (IOException | IllegalArgumentException e) {
            // Not a checkpoint: nothing to keep. Its offset is passed by the consumer's position, not recorded.
            log.warn("{}/{}@{} is not a checkpoint: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return;
        }
        jdbc.update("insert into integrity_checkpoint (topic, kafka_partition, kafka_offset, producer, number, key_id, "
                        + "created_at, head_count, jws, public_jwk, signature_valid, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                record.topic(), record.partition(), record.offset(), checkpoint.producer(), checkpoint.number(),
                checkpoint.keyId(), checkpoint.createdAt(), checkpoint.heads().size(), checkpoint.jws(), publicJwk,
                checkpoint.verifiedBy(publicJwk), Timestamp.from(clock.instant()));
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
