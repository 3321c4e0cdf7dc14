package org.mejora.reporting.notification;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.plan.api.PlanTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads both topics in a consumer group of its own (instances share the partitions) and decides on each event in
 * one transaction per poll with the offsets it reached, which live in {@code notification_offset} and are sought on
 * every assignment; the broker's group offsets are never used. An event already decided on (by id) is skipped.
 */
@Component
class NotificationConsumer implements SmartLifecycle {

    static final List<String> TOPICS = List.of(PlanTopics.EVENTS, EvaluationTopics.EVENTS);
    private static final Logger log = LoggerFactory.getLogger(NotificationConsumer.class);

    private final KafkaProperties kafka;
    private final NotificationSettings settings;
    private final Decisions decisions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private CountDownLatch finished = new CountDownLatch(0);

    NotificationConsumer(KafkaProperties kafka, NotificationSettings settings, Decisions decisions, JdbcClient jdbc,
                         TransactionTemplate transaction) {
        this.kafka = kafka;
        this.settings = settings;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Off only where another instance of the same database delivers (tests that share one): nothing is decided here. */
    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    public void start() {
        running = true;
        finished = new CountDownLatch(1);
        Thread thread = new Thread(this::run, "reporting-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            while (running) {
                try (KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(properties(), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer = opened;
                    opened.subscribe(TOPICS, new SeekToRecorded(opened));
                    while (running) {
                        poll(opened);
                    }
                } catch (WakeupException stopping) {
                    return;
                } catch (RuntimeException e) {
                    // The batch rolled back (or the database is away): open again, from the recorded offsets.
                    log.error("notifications: batch failed, going on from the recorded offsets", e);
                    sleep();
                }
            }
        } finally {
            consumer = null;
            finished.countDown();
        }
    }

    private void poll(KafkaConsumer<String, byte[]> opened) {
        ConsumerRecords<String, byte[]> records = opened.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                decideOnce(record);
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            next.forEach((partition, offset) -> jdbc.sql("""
                            insert into notification_offset (topic, partition_no, next_offset) values (?, ?, ?)
                            on conflict (topic, partition_no) do update set next_offset = excluded.next_offset""")
                    .params(partition.topic(), partition.partition(), offset).update());
        });
    }

    private void decideOnce(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = codec.read(record.value());
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            // Ingestion reports unreadable records; for reminders there is nothing in them to decide on.
            log.warn("notifications: {}-{}@{} is not an event envelope: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (firstTime(event.eventId())) {
            try {
                decisions.decide(event);
            } catch (EnvelopeCodec.MalformedEnvelopeException e) {
                log.warn("notifications: {} {} cannot be read: {}", event.eventType(), event.eventId(), e.getMessage());
            }
        }
    }

    private boolean firstTime(UUID eventId) {
        return jdbc.sql("insert into notification_seen_event (event_id) values (?) on conflict do nothing")
                .param(eventId).update() == 1;
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-notifications-" + UUID.randomUUID());
        return properties;
    }

    /** On every assignment, each partition goes on from the offset committed with the decisions, or its beginning. */
    private final class SeekToRecorded implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> consumer;

        SeekToRecorded(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> recorded = new HashMap<>();
            jdbc.sql("select topic, partition_no, next_offset from notification_offset")
                    .query(row -> {
                        recorded.put(new TopicPartition(row.getString(1), row.getInt(2)), row.getLong(3));
                    });
            List<TopicPartition> fresh = partitions.stream().filter(p -> !recorded.containsKey(p)).toList();
            partitions.stream().filter(recorded::containsKey).forEach(p -> consumer.seek(p, recorded.get(p)));
            consumer.seekToBeginning(fresh);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to commit: offsets are written with each batch's decisions.
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
