package org.mejora.reporting.ingest;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One consumer applying each poll as one batch to the tables of a schema. The live projection is a member of the
 * consumer group that every reporting-service instance on the same database joins: it applies only the partitions the
 * group assigns to it, and on assignment seeks each to the next offset its schema's {@code consumer_offset} row
 * records (the topic's beginning without one); the broker's group offsets are committed only for lag monitoring and
 * never read. A rebuild's loops read a fixed share of the partitions each (manual assignment).
 *
 * <p>Every batch is applied only if the partition's row still holds the offset this loop last saw there (the
 * applier checks it under a row lock): a partition that moved to another instance while a batch was in flight, or
 * whose tables a rebuild replaced, is neither applied twice nor skipped; the loop seeks to what the row says.
 */
public final class IngestionLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(IngestionLoop.class);

    private final String name;
    private final String schema;
    private final Map<String, Object> consumerProperties;
    private final List<String> topics;
    private final EventApplier applier;
    private final AtomicLong applied = new AtomicLong();
    /** -1: a member of the consumer group; otherwise which share of the partitions it reads. */
    private final int slice;
    private final int slices;
    /**
     * The next offset of each partition as this loop last saw it in the schema's {@code consumer_offset} (null
     * value: no row yet). Touched only by the loop's thread, which also runs the rebalance callbacks.
     */
    private final Map<TopicPartition, Long> committed = new HashMap<>();

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
     * @param slice  -1 to join the consumer group of the properties' {@code group.id}; otherwise which share of the
     *               partitions this loop reads, from 0 to {@code slices - 1}: partitions are independent (every entity
     *               belongs to one aggregate, every aggregate to one partition), so a rebuild may read them in parallel
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
            boolean joined = false;
            while (running) {
                try {
                    if (!joined) {
                        join(consumer);
                        joined = true;
                    }
                    step(consumer);
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

    private void join(KafkaConsumer<String, byte[]> consumer) {
        if (slice < 0) {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(committed::remove);
                    log.info("{}: partitions revoked {}", name, partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    log.info("{}: partitions assigned {}", name, partitions);
                    try {
                        seekToRecorded(consumer, partitions);
                    } catch (RuntimeException e) {
                        // Sought again before the next poll, once the database answers.
                        reposition = true;
                        throw e;
                    }
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    partitions.forEach(committed::remove);
                    log.warn("{}: partitions lost {}", name, partitions);
                }
            });
        } else {
            consumer.assign(partitions(consumer));
            reposition = true;
        }
    }

    private void step(KafkaConsumer<String, byte[]> consumer) {
        if (reposition) {
            reposition = false;
            seekToRecorded(consumer, consumer.assignment());
        }
        Map<TopicPartition, Long> limit = stopAt;
        if (limit != null && reached(consumer, consumer.assignment(), limit)) {
            stopped.countDown();
            sleep(50);
            return;
        }
        ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(250));
        boolean appliedSome = false;
        synchronized (batchLock) {
            Map<TopicPartition, Long> latest = stopAt;
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
            Map<TopicPartition, Long> rewind = new HashMap<>();
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : polled) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (latest != null && record.offset() >= latest.getOrDefault(partition, Long.MAX_VALUE)) {
                    rewind.merge(partition, record.offset(), Math::min);
                } else {
                    batch.add(record);
                    next.merge(partition, record.offset() + 1, Math::max);
                }
            }
            if (!batch.isEmpty()) {
                Map<TopicPartition, Long> expected = new HashMap<>();
                next.keySet().forEach(partition -> expected.put(partition, committed.get(partition)));
                Map<TopicPartition, Long> fenced = applier.apply(schema, batch, expected);
                next.forEach((partition, offset) -> {
                    if (!fenced.containsKey(partition)) {
                        committed.put(partition, offset);
                    }
                });
                applied.addAndGet(batch.stream().filter(record -> !fenced.containsKey(
                        new TopicPartition(record.topic(), record.partition()))).count());
                fenced.forEach((partition, offset) -> {
                    log.info("{}: {} moved on elsewhere to {}; going on from there", name, partition, offset);
                    rewind.remove(partition);
                    seek(consumer, partition, offset);
                });
                appliedSome = fenced.size() < next.size();
            }
            rewind.forEach(consumer::seek);
            Map<TopicPartition, Long> now = new HashMap<>();
            consumer.assignment().forEach(partition -> now.put(partition, consumer.position(partition)));
            positions = now;
            lastError = null;
        }
        if (slice < 0 && appliedSome) {
            // Only for the operators' lag figures: positions are read from the database, never from the group.
            consumer.commitAsync();
        }
    }

    private void seek(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, Long offset) {
        committed.put(partition, offset);
        if (offset == null) {
            consumer.seekToBeginning(List.of(partition));
        } else {
            consumer.seek(partition, offset);
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Set<TopicPartition> partitions,
                                   Map<TopicPartition, Long> limit) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= limit.getOrDefault(p, 0L));
    }

    private void seekToRecorded(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> recorded = applier.positions(schema);
        for (TopicPartition partition : partitions) {
            seek(consumer, partition, recorded.get(partition));
        }
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

    /** Applies nothing at or beyond these offsets (partitions not named: nothing at all) from now on. */
    public void limit(Map<TopicPartition, Long> offsets) {
        stopAt = offsets;
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

    /** Returns whether the loop has stopped within 10 seconds. */
    public boolean stop() throws InterruptedException {
        running = false;
        return finished.await(10, TimeUnit.SECONDS);
    }

    public long applied() {
        return applied.get();
    }

    /** Where the consumer stands in each partition assigned to it. */
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
