package org.mejora.reporting.ingest;

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

    EventIngestor(JdbcClient jdbc, TransactionTemplate transaction, List<Projection> projections) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.projections = projections;
    }

    @KafkaListener(topics = {"mejora.plan.events", "mejora.evaluation.events"})
    void onRecord(byte[] value) {
        EventEnvelope event = codec.read(value);
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
}
