package org.mejora.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Reads a topic of the real broker from the moment the probe opened: what a consumer would see of a test's own
 * events, whatever older events the topic holds.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    public static TopicProbe open(String topic) {
        return new TopicProbe(topic);
    }

    /** The first envelope since the probe opened that matches, waiting up to {@code timeout}. */
    public EventEnvelope await(Predicate<EventEnvelope> matching, Duration timeout) {
        List<EventEnvelope> found = awaitAll(matching, 1, timeout);
        return found.get(0);
    }

    /** Waits until {@code count} envelopes match, and returns every match seen so far. */
    public List<EventEnvelope> awaitAll(Predicate<EventEnvelope> matching, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<EventEnvelope> found = seen.stream().map(r -> codec.read(r.value())).filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + found.size() + " of " + count + " expected events within "
                        + timeout + "; saw " + seen.size() + " records");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Every record seen so far, with its key (the aggregate id). */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(seen);
    }

    /** Publishes envelopes as a producing service would: keyed by aggregate id, acknowledged by all replicas. */
    public static void publish(String topic, List<EventEnvelope> envelopes) {
        EnvelopeCodec codec = new EnvelopeCodec();
        publishRaw(topic, envelopes.stream()
                .map(envelope -> Map.entry(envelope.aggregateId(), codec.write(envelope))).toList());
    }

    /** Publishes records as they are, e.g. bytes that are no envelope at all. */
    public static void publishRaw(String topic, List<Map.Entry<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (Map.Entry<String, byte[]> record : records) {
                sends.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (java.util.concurrent.Future<?> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
