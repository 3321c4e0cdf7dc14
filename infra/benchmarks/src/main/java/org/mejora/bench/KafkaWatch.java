package org.mejora.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When each plan event reached Kafka, seen by a consumer of the plan topic in the driver: it splits a command's
 * freshness into "acknowledged → on Kafka" (plan-service's forwarding) and "on Kafka → visible" (reporting).
 */
final class KafkaWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean running = true;

    KafkaWatch(String bootstrap) throws InterruptedException {
        thread = new Thread(() -> watch(bootstrap), "kafka-watch");
        thread.setDaemon(true);
        thread.start();
        assigned.await(30, TimeUnit.SECONDS);
    }

    private void watch(String bootstrap) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-kafka-watch");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(SyntheticEvents.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long seen = System.nanoTime();
                    try {
                        long sequence = JSON.readTree(record.value()).path("sequence").asLong(-1);
                        arrivals.put(record.key() + "#" + sequence, seen);
                    } catch (Exception unreadable) {
                        // not an envelope: nothing to time
                    }
                }
            }
        } finally {
            assigned.countDown();
        }
    }

    /** When the event {@code sequence} of {@code planId} arrived, waiting up to a second for it; null if unseen. */
    Long arrival(String planId, long sequence) throws InterruptedException {
        String key = planId + "#" + sequence;
        for (int i = 0; i < 100; i++) {
            Long seen = arrivals.get(key);
            if (seen != null) {
                return seen;
            }
            Thread.sleep(10);
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
