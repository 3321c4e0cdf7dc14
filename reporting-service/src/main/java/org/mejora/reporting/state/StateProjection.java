package org.mejora.reporting.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.reporting.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The audit history and the current state of every entity: each event is folded into the state of the entity it
 * is about, and the history row keeps what changed (from → to), who, when, why and with which evidence, plus the
 * state after it, so any past instant can be read back.
 */
@Component
class StateProjection implements Projection {

    private final JdbcClient jdbc;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    StateProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope event, boolean understood) {
        EntityFold.Entity entity = EntityFold.entityOf(event);
        Optional<Stored> stored = jdbc.sql("""
                        select root_type, root_id, state::text from entity_state where entity_type = ? and entity_id = ?""")
                .params(entity.type(), entity.id())
                .query((row, n) -> new Stored(new EntityFold.Entity(row.getString(1), row.getString(2)),
                        read(row.getString(3))))
                .optional();
        ObjectNode before = stored.map(Stored::state).orElse(null);
        EntityFold.Entity root = EntityFold.rootOf(event, entity, stored.map(Stored::root).orElse(null));
        EntityFold.Step step = understood ? EntityFold.apply(before, event) : unchanged(before);
        if (understood) {
            jdbc.sql("""
                            insert into entity_state (entity_type, entity_id, root_type, root_id, institution_id, state)
                            values (?, ?, ?, ?, ?, cast(? as jsonb))
                            on conflict (entity_type, entity_id) do update
                            set root_type = excluded.root_type, root_id = excluded.root_id, state = excluded.state,
                                institution_id = coalesce(entity_state.institution_id, excluded.institution_id)""")
                    .params(entity.type(), entity.id(), root.type(), root.id(), event.institutionId(),
                            step.after().toString())
                    .update();
        }
        jdbc.sql("""
                        insert into history_entry (event_id, aggregate_type, aggregate_id, sequence, event_type,
                            schema_version, occurred_at, institution_id, actor_id, actor_role, actor_name,
                            correlation_id, entity_type, entity_id, root_type, root_id, change_kinds, changes, reason,
                            evidence, payload, state_after)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','),
                            cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(event.eventId(), event.aggregateType(), event.aggregateId(), event.sequence(),
                        event.eventType(), event.schemaVersion(), Timestamp.from(event.occurredAt()),
                        event.institutionId(), actor(event).userId(), actor(event).role(), actor(event).name(),
                        event.correlationId(), entity.type(), entity.id(), root.type(), root.id(),
                        String.join(",", step.kinds()), step.changes().toString(), step.reason(), step.evidence(),
                        event.payload().toString(), step.after().toString())
                .update();
    }

    /** An event recorded in the history without interpreting its payload: the state stays as it was. */
    private static EntityFold.Step unchanged(ObjectNode before) {
        ObjectNode same = before == null ? JsonNodeFactory.instance.objectNode() : before;
        return new EntityFold.Step(same, same.arrayNode(), List.of("UNREAD"), null, null);
    }

    private static Actor actor(EventEnvelope event) {
        return event.actor() == null ? new Actor(null, null, null) : event.actor();
    }

    private ObjectNode read(String json) {
        try {
            return (ObjectNode) codec.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Stored(EntityFold.Entity root, ObjectNode state) {
    }
}
