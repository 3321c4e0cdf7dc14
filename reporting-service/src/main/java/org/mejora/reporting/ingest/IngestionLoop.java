package org.mejora.reporting.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One consumer over every partition of both topics (manual assignment, no group offsets): it starts where the
 * schema's {@code consumer_offset} rows say, or at the topics' beginning, and applies each poll as one batch.
 * It can be told to stop exactly at given offsets, which is how a rebuild and the live projection meet.
 */
public final class IngestionLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(IngestionLoop.class);

    private final String name;
    private final String schema;
    private final Map<String, Object> consumerProperties;
    private final List<String> topics;
    private final EventApplier applier;
    private final AtomicLong applied = new AtomicLong();
    private final int slice;
    private final int slices;

    private volatile boolean running = true;
    private volatile boolean reposition;
    private volatile Map<TopicPartition, Long> stopAt;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private volatile String lastError;
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Held while a batch is filtered and applied, so that a halt never lands in the middle of one. */
    private final Object batchLock = new Object();

    /**
     * @param slice  which share of the partitions this loop reads, from 0 to {@code slices - 1}: partitions are
     *               independent (every entity belongs to one aggregate, every aggregate to one partition), so a
     *               rebuild may read them in parallel
     */
    public IngestionLoop(String name, String schema, Map<String, Object> consumerProperties, List<String> topics,
                         EventApplier applier, int slice, int slices) {
        this.slice = slice;
        this.slices = slices;
        this.name = name;
        this.schema = schema;
        this.consumerProperties = consumerProperties;
        this.topics = topics;
        this.applier = applier;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = null;
            reposition = true;
            while (running) {
                try {
                    if (partitions == null) {
                        partitions = partitions(consumer);
                        consumer.assign(partitions);
                    }
                    step(consumer, partitions);
                } catch (RuntimeException e) {
                    // The batch rolled back, or the database was unreachable: start again from what the database
                    // recorded, after a pause. The loop itself never dies of it; it stops only when told to.
                    lastError = e.toString();
                    log.error("{}: batch failed, retrying from the recorded offsets", name, e);
                    reposition = true;
                    sleep(1000);
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private void step(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        if (reposition) {
            reposition = false;
            seekToRecorded(consumer, partitions);
        }
        Map<TopicPartition, Long> limit = stopAt;
        if (limit != null && reached(consumer, partitions, limit)) {
            stopped.countDown();
            sleep(50);
            return;
        }
        ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(250));
        synchronized (batchLock) {
            Map<TopicPartition, Long> latest = stopAt;
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
            Map<TopicPartition, Long> rewind = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : polled) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (latest != null && record.offset() >= latest.getOrDefault(partition, Long.MAX_VALUE)) {
                    rewind.merge(partition, record.offset(), Math::min);
                } else {
                    batch.add(record);
                }
            }
            applier.apply(schema, batch);
            applied.addAndGet(batch.size());
            rewind.forEach(consumer::seek);
            Map<TopicPartition, Long> now = new HashMap<>();
            partitions.forEach(partition -> now.put(partition, consumer.position(partition)));
            positions = now;
            lastError = null;
        }
    }

    private boolean reached(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                            Map<TopicPartition, Long> limit) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= limit.getOrDefault(p, 0L));
    }

    private void seekToRecorded(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> recorded = applier.positions(schema);
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long offset = recorded.get(partition);
            if (offset == null) {
                fresh.add(partition);
            } else {
                consumer.seek(partition, offset);
            }
        }
        consumer.seekToBeginning(fresh);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).stream().sorted(Comparator.comparingInt(PartitionInfo::partition))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        List<TopicPartition> mine = new ArrayList<>();
        for (int i = 0; i < partitions.size(); i++) {
            if (i % slices == slice) {
                mine.add(partitions.get(i));
            }
        }
        return mine;
    }

    /** Applies nothing more from now on; returns the offsets up to which everything is applied. */
    public Map<TopicPartition, Long> haltHere() {
        synchronized (batchLock) {
            stopped = new CountDownLatch(1);
            stopAt = positions;
            return positions;
        }
    }

    /**
     * Applies nothing at or beyond these offsets (at or beyond where it stands) and waits until everything before
     * them is applied.
     */
    public boolean haltAt(Map<TopicPartition, Long> offsets, Duration timeout) throws InterruptedException {
        CountDownLatch halted;
        synchronized (batchLock) {
            halted = new CountDownLatch(1);
            stopped = halted;
            stopAt = offsets;
        }
        return halted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Goes on from the offsets its schema now records (after a switch they are the rebuilt ones). */
    public void resume() {
        reposition = true;
        stopAt = null;
    }

    /** Returns whether the loop has stopped within 10 seconds. */
    public boolean stop() throws InterruptedException {
        running = false;
        return finished.await(10, TimeUnit.SECONDS);
    }

    public long applied() {
        return applied.get();
    }

    public Map<TopicPartition, Long> positions() {
        return positions;
    }

    public String lastError() {
        return lastError;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
