package org.mejora.reporting.history;

import org.mejora.envelope.EventEnvelope;
import org.mejora.reporting.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Every event of every aggregate, in order, with who, in which role, when and in which request. */
@Component
class HistoryProjection implements Projection {

    private final JdbcClient jdbc;

    HistoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event) {
        jdbc.sql("""
                        insert into history_entry (event_id, aggregate_type, aggregate_id, sequence, event_type,
                            schema_version, occurred_at, institution_id, actor_id, actor_role, actor_name,
                            correlation_id, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(event.eventId(), event.aggregateType(), event.aggregateId(), event.sequence(),
                        event.eventType(), event.schemaVersion(), Timestamp.from(event.occurredAt()),
                        event.institutionId(), event.actor().userId(), event.actor().role(), event.actor().name(),
                        event.correlationId(), event.payload().toString())
                .update();
    }
}
