package org.mejora.reporting.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Applies each event of both topics to every projection exactly once: the event id is recorded in the same
 * transaction as the projection writes, so a redelivered or replayed event changes nothing twice.
 */
@Component
class EventIngestor {

    private static final Logger log = LoggerFactory.getLogger(EventIngestor.class);

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<Projection> projections;

    private final Counter unreadableRecords;

    EventIngestor(JdbcClient jdbc, TransactionTemplate transaction, List<Projection> projections,
                  MeterRegistry meters) {
        this.unreadableRecords = Counter.builder("mejora.reporting.records.unreadable")
                .description("Kafka records that are not event envelopes").register(meters);
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.projections = projections;
    }

    @KafkaListener(topics = {"mejora.plan.events", "mejora.evaluation.events"})
    void onRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = codec.read(record.value());
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            unreadable(record, e.getMessage());
            return;
        }
        transaction.executeWithoutResult(status -> {
            int recorded = jdbc.sql("insert into processed_event (event_id) values (?) on conflict do nothing")
                    .param(event.eventId())
                    .update();
            if (recorded == 0) {
                log.debug("event {} already applied", event.eventId());
                return;
            }
            projections.forEach(projection -> projection.apply(event));
        });
    }

    /** Kept for an operator to inspect, counted, and skipped: one bad record must not block its partition. */
    private void unreadable(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        unreadableRecords.increment();
        jdbc.sql("""
                        insert into unreadable_record (topic, partition_no, record_offset, record_key, reason, raw)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(record.topic(), record.partition(), record.offset(), record.key(),
                        reason.length() > 1000 ? reason.substring(0, 1000) : reason, record.value())
                .update();
    }
}
