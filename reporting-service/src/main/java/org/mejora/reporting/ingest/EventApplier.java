package org.mejora.reporting.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.mejora.contract.TransientStorageFailure;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of records to every projection in ONE transaction together with the dedupe rows, the aggregates'
 * sequences and the partitions' next offsets: a redelivered or replayed event changes nothing twice, and a crash
 * leaves either the whole batch or nothing.
 *
 * <p>The schema names the set of projection tables written: the live ones, or a rebuild's shadow copies.
 */
@Component
public class EventApplier {

    private static final Logger log = LoggerFactory.getLogger(EventApplier.class);
    /**
     * The advisory lock every live batch holds shared for its transaction, on every instance; a rebuild holds it
     * exclusively while it compares and replaces the live tables, so that they stand still meanwhile.
     */
    public static final long SWITCH_LOCK = 0x6d656a6f72610001L;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final EventCatalog catalog = new EventCatalog();
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final List<Projection> projections;
    private final MeterRegistry meters;

    EventApplier(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transaction, List<Projection> projections,
                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = transaction;
        this.projections = projections;
        this.meters = meters;
    }

    private IngestionTracing tracing;

    @Autowired(required = false)
    void tracing(IngestionTracing tracing) {
        this.tracing = tracing;
    }

    /** The next offset of each partition recorded in the schema's tables. */
    public Map<TopicPartition, Long> positions(String schema) {
        return transaction.execute(status -> {
            useSchema(schema);
            Map<TopicPartition, Long> positions = new HashMap<>();
            jdbc.sql("select topic, partition_no, next_offset from consumer_offset")
                    .query(row -> {
                        if (row.getLong(3) >= 0) {
                            positions.put(new TopicPartition(row.getString(1), row.getInt(2)), row.getLong(3));
                        }
                    });
            return positions;
        });
    }

    /**
     * Applies the records in one transaction. If that fails, each record is applied in a transaction of its own, and
     * one that still fails is recorded in the history without interpreting its payload and reported: one event this
     * version cannot fold never blocks its partition. A failure that is not the event's (the database is down) fails
     * again there and is retried by the caller.
     *
     * <p>A partition's records are applied only if its {@code consumer_offset} row, read under a row lock, still holds
     * the offset the caller expects: otherwise another instance applied them since (it was given the partition), or a
     * rebuild replaced the tables, and they are left alone.
     *
     * @param expected each partition's next offset as the caller last saw it in the schema (null: no row yet)
     * @return the partitions left alone, with the next offset their row holds (null: no row), to go on from there
     */
    public Map<TopicPartition, Long> apply(String schema, List<ConsumerRecord<String, byte[]>> records,
                                           Map<TopicPartition, Long> expected) {
        if (schema == null && tracing != null) {
            // The live projection only: a rebuild replays history, whose traces ended long ago.
            return tracing.batch(records, () -> applyBatch(schema, records, expected));
        }
        return applyBatch(schema, records, expected);
    }

    private Map<TopicPartition, Long> applyBatch(String schema, List<ConsumerRecord<String, byte[]>> records,
                                                 Map<TopicPartition, Long> expected) {
        Map<TopicPartition, Long> fenced = new HashMap<>();
        if (records.isEmpty()) {
            return fenced;
        }
        try {
            fenced.putAll(applyInOneTransaction(schema, records, expected, null));
        } catch (RuntimeException batchFailure) {
            if (TransientStorageFailure.causedIt(batchFailure)) {
                // The database away or locked is no fault of the records: the loop retries them from the recorded
                // offsets, where recording them as failed would lose what they do to the projections.
                throw batchFailure;
            }
            if (records.size() == 1) {
                log.warn("record {}-{}@{} cannot be applied", records.get(0).topic(), records.get(0).partition(),
                        records.get(0).offset(), batchFailure);
                // Only the exception's type: its message may be dropped by the JIT after many throws, and a rebuild
                // must record exactly what the live projection recorded.
                return applyInOneTransaction(schema, records, expected,
                        batchFailure.getClass().getName());
            }
            Map<TopicPartition, Long> expect = new HashMap<>(expected);
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (fenced.containsKey(partition)) {
                    continue;
                }
                Map<TopicPartition, Long> one = applyBatch(schema, List.of(record), expect);
                fenced.putAll(one);
                expect.put(partition, record.offset() + 1);
            }
        }
        return fenced;
    }

    /** @param failure null to interpret the events; otherwise why they could not be, to record them uninterpreted */
    private Map<TopicPartition, Long> applyInOneTransaction(String schema, List<ConsumerRecord<String, byte[]>> records,
                                                            Map<TopicPartition, Long> expected, String failure) {
        return transaction.execute(status -> {
            // A commit lost in a crash takes its offsets with it: the batch is read again from the topics, so the
            // commit need not wait for the disk. The lock is shared with every other instance's live batches; a
            // rebuild's switch-over takes it exclusively.
            if (schema == null) {
                jdbc.sql("select pg_advisory_xact_lock_shared(?), set_config('synchronous_commit', 'off', true)")
                        .param(SWITCH_LOCK).query().listOfRows();
            } else {
                jdbc.sql("select set_config('search_path', ?, true), set_config('synchronous_commit', 'off', true)")
                        .param(schema).query().listOfRows();
            }
            Map<TopicPartition, Long> fenced = fence(records, expected);
            List<Decoded> decoded = records.stream()
                    .filter(r -> !fenced.containsKey(new TopicPartition(r.topic(), r.partition())))
                    .map(this::decode).toList();
            if (decoded.isEmpty()) {
                return fenced;
            }
            Unit unit = new Unit(decoded.stream().map(Decoded::event).filter(Objects::nonNull).toList());
            Map<TopicPartition, Long> next = new HashMap<>();
            for (Decoded record : decoded) {
                if (record.event() == null) {
                    unreadable(record.record(), record.malformed());
                } else {
                    applyRecord(unit, record.record(), record.event(), failure);
                }
                next.merge(new TopicPartition(record.record().topic(), record.record().partition()),
                        record.record().offset() + 1, Math::max);
            }
            unit.flush();
            batches.batchUpdate("""
                            update consumer_offset set next_offset = ? where topic = ? and partition_no = ?""",
                    next.entrySet().stream().map(e -> new Object[]{e.getValue(), e.getKey().topic(),
                            e.getKey().partition()}).toList());
            return fenced;
        });
    }

    /**
     * Locks the batch's partitions' rows (creating a placeholder, -1, where there is none, so that two first batches
     * of one partition also wait for each other) and returns those whose offset is not the expected one.
     */
    private Map<TopicPartition, Long> fence(List<ConsumerRecord<String, byte[]>> records,
                                            Map<TopicPartition, Long> expected) {
        List<TopicPartition> partitions = records.stream()
                .map(r -> new TopicPartition(r.topic(), r.partition())).distinct().toList();
        batches.batchUpdate("""
                        insert into consumer_offset (topic, partition_no, next_offset) values (?, ?, -1)
                        on conflict (topic, partition_no) do nothing""",
                partitions.stream().map(p -> new Object[]{p.topic(), p.partition()}).toList());
        Map<TopicPartition, Long> actual = new HashMap<>();
        jdbc.sql("""
                        select o.topic, o.partition_no, o.next_offset from consumer_offset o
                        join unnest(cast(? as varchar[]), cast(? as int[])) as k(topic, partition_no)
                          on o.topic = k.topic and o.partition_no = k.partition_no
                        for update of o""")
                .params(partitions.stream().map(TopicPartition::topic).toArray(String[]::new),
                        partitions.stream().map(TopicPartition::partition).toArray(Integer[]::new))
                .query(row -> {
                    long offset = row.getLong(3);
                    actual.put(new TopicPartition(row.getString(1), row.getInt(2)), offset < 0 ? null : offset);
                });
        Map<TopicPartition, Long> fenced = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long now = actual.get(partition);
            if (!Objects.equals(now, expected.get(partition))) {
                fenced.put(partition, now);
            }
        }
        return fenced;
    }

    /** A rebuild writes its shadow tables; the setting ends with the transaction. */
    private void useSchema(String schema) {
        if (schema != null) {
            jdbc.sql("select set_config('search_path', ?, true)").param(schema).query().singleValue();
        }
    }

    private Decoded decode(ConsumerRecord<String, byte[]> record) {
        try {
            return new Decoded(record, codec.read(record.value()), null);
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            return new Decoded(record, null, e.getMessage());
        }
    }

    private void applyRecord(Unit unit, ConsumerRecord<String, byte[]> record, EventEnvelope event, String failure) {
        if (!unit.firstTime(event.eventId())) {
            log.debug("event {} already applied", event.eventId());
            return;
        }
        Aggregate aggregate = Aggregate.of(event);
        long expected = unit.expected(aggregate);
        if (event.sequence() == expected) {
            applyInSequence(unit, record, event, failure);
            drainParked(unit, record, aggregate, expected + 1, failure);
        } else if (event.sequence() > expected) {
            park(record, event, expected);
            unit.parked(aggregate);
        } else {
            problem("sequence_reused", record, event, "sequence " + event.sequence()
                    + " was already taken by another event of this aggregate; event " + event.eventId() + " skipped");
        }
    }

    private void applyInSequence(Unit unit, ConsumerRecord<String, byte[]> record, EventEnvelope event,
                                 String failure) {
        String kind = failure == null ? catalog.problem(event.eventType(), event.schemaVersion()) : "failed_event";
        if (kind != null) {
            problem(kind, record, event, event.eventType() + " v" + event.schemaVersion()
                    + " is recorded in the history but not interpreted by this version of reporting-service"
                    + (failure == null ? "" : ": " + failure));
        }
        unit.projectionBatches.forEach(projection -> projection.apply(event, kind == null));
        unit.advance(Aggregate.of(event), event.sequence() + 1);
    }

    /** Waits for the missing events of its aggregate; the gap is reported until they arrive. */
    private void park(ConsumerRecord<String, byte[]> record, EventEnvelope event, long expected) {
        jdbc.sql("""
                        insert into parked_event (aggregate_type, aggregate_id, sequence, envelope)
                        values (?, ?, ?, cast(? as jsonb)) on conflict do nothing""")
                .params(event.aggregateType(), event.aggregateId(), event.sequence(),
                        new String(codec.write(event), StandardCharsets.UTF_8))
                .update();
        problem("gap", record, event, "expected sequence " + expected + " of " + event.aggregateType() + " "
                + event.aggregateId() + " but received " + event.sequence() + "; held until the missing events arrive");
    }

    private void drainParked(Unit unit, ConsumerRecord<String, byte[]> record, Aggregate aggregate, long from,
                             String failure) {
        if (!unit.hasParked(aggregate)) {
            return;
        }
        long next = from;
        while (true) {
            Optional<String> parked = jdbc.sql("""
                            delete from parked_event where aggregate_type = ? and aggregate_id = ? and sequence = ?
                            returning envelope::text""")
                    .params(aggregate.type(), aggregate.id(), next)
                    .query(String.class).optional();
            if (parked.isEmpty()) {
                break;
            }
            applyInSequence(unit, record, codec.read(parked.get().getBytes(StandardCharsets.UTF_8)), failure);
            next++;
        }
        if (next > from) {
            jdbc.sql("""
                            update ingest_problem set resolved = true
                            where kind = 'gap' and aggregate_type = ? and aggregate_id = ?
                              and not exists (select 1 from parked_event p
                                              where p.aggregate_type = ? and p.aggregate_id = ?)""")
                    .params(aggregate.type(), aggregate.id(), aggregate.type(), aggregate.id())
                    .update();
        }
    }

    private void problem(String kind, ConsumerRecord<String, byte[]> record, EventEnvelope event, String detail) {
        log.warn("{} at {}-{}@{}: {}", kind, record.topic(), record.partition(), record.offset(), detail);
        meters.counter("mejora.reporting.events.problems", "kind", kind).increment();
        jdbc.sql("""
                        insert into ingest_problem (id, kind, topic, partition_no, record_offset, aggregate_type,
                            aggregate_id, event_type, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(kind + ":" + event.eventId(), kind, record.topic(), record.partition(), record.offset(),
                        event.aggregateType(), event.aggregateId(), event.eventType(), clip(detail))
                .update();
    }

    /** Kept for an operator to inspect, counted, and skipped: one bad record must not block its partition. */
    private void unreadable(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        meters.counter("mejora.reporting.events.problems", "kind", "unreadable").increment();
        jdbc.sql("""
                        insert into unreadable_record (topic, partition_no, record_offset, record_key, raw)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(record.topic(), record.partition(), record.offset(), record.key(), record.value())
                .update();
        jdbc.sql("""
                        insert into ingest_problem (id, kind, topic, partition_no, record_offset, detail)
                        values (?, 'unreadable', ?, ?, ?, ?) on conflict do nothing""")
                .params("unreadable:" + record.topic() + ":" + record.partition() + ":" + record.offset(),
                        record.topic(), record.partition(), record.offset(), clip(reason))
                .update();
    }

    private static String clip(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, EventEnvelope event, String malformed) {
    }

    private record Aggregate(String type, String id) {

        static Aggregate of(EventEnvelope event) {
            return new Aggregate(event.aggregateType(), event.aggregateId());
        }
    }

    /**
     * What one transaction's events need to know, read in a few queries up front: which of them were already
     * applied, where their aggregates stand, which aggregates have parked events. What they change is kept here and
     * written by {@link #flush()} in JDBC batches.
     */
    private final class Unit {

        private final Set<UUID> processed = new HashSet<>();
        private final List<Object[]> newlyProcessed = new ArrayList<>();
        private final Map<Aggregate, Long> nextSequence = new HashMap<>();
        private final Set<Aggregate> advanced = new LinkedHashSet<>();
        private final Set<Aggregate> withParked = new HashSet<>();
        private final List<Projection.Batch> projectionBatches;

        Unit(List<EventEnvelope> events) {
            List<Aggregate> aggregates = events.stream().map(Aggregate::of).distinct().toList();
            if (!events.isEmpty()) {
                processed.addAll(jdbc.sql("""
                                select event_id from processed_event where event_id = any(cast(? as uuid[]))""")
                        .param(events.stream().map(event -> event.eventId().toString()).toArray(String[]::new))
                        .query(UUID.class).list());
                String[] types = aggregates.stream().map(Aggregate::type).toArray(String[]::new);
                String[] ids = aggregates.stream().map(Aggregate::id).toArray(String[]::new);
                jdbc.sql("""
                                select s.aggregate_type, s.aggregate_id, s.next_sequence from aggregate_sequence s
                                join unnest(cast(? as varchar[]), cast(? as varchar[])) as k(type, id)
                                  on s.aggregate_type = k.type and s.aggregate_id = k.id""")
                        .params(types, ids)
                        .query(row -> {
                            nextSequence.put(new Aggregate(row.getString(1), row.getString(2)), row.getLong(3));
                        });
                jdbc.sql("""
                                select distinct p.aggregate_type, p.aggregate_id from parked_event p
                                join unnest(cast(? as varchar[]), cast(? as varchar[])) as k(type, id)
                                  on p.aggregate_type = k.type and p.aggregate_id = k.id""")
                        .params(types, ids)
                        .query(row -> {
                            withParked.add(new Aggregate(row.getString(1), row.getString(2)));
                        });
            }
            this.projectionBatches = projections.stream().map(projection -> projection.open(events)).toList();
        }

        /** Records the event as applied; false if it already was (a redelivery or a replay). */
        boolean firstTime(UUID eventId) {
            if (!processed.add(eventId)) {
                return false;
            }
            newlyProcessed.add(new Object[]{eventId});
            return true;
        }

        long expected(Aggregate aggregate) {
            return nextSequence.getOrDefault(aggregate, 0L);
        }

        void advance(Aggregate aggregate, long next) {
            nextSequence.put(aggregate, next);
            advanced.add(aggregate);
        }

        void parked(Aggregate aggregate) {
            withParked.add(aggregate);
        }

        boolean hasParked(Aggregate aggregate) {
            return withParked.contains(aggregate);
        }

        void flush() {
            projectionBatches.forEach(Projection.Batch::flush);
            batches.batchUpdate("insert into processed_event (event_id) values (?) on conflict do nothing",
                    newlyProcessed);
            batches.batchUpdate("""
                    insert into aggregate_sequence (aggregate_type, aggregate_id, next_sequence) values (?, ?, ?)
                    on conflict (aggregate_type, aggregate_id) do update set next_sequence = excluded.next_sequence""",
                    advanced.stream().map(a -> new Object[]{a.type(), a.id(), nextSequence.get(a)}).toList());
        }
    }
}
