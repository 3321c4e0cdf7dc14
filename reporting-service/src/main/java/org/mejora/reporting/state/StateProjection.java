package org.mejora.reporting.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.reporting.ingest.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The audit history and the current state of every entity: each event is folded into the state of the entity it
 * is about, and the history row keeps what changed (from → to), who, when, why and with which evidence, plus the
 * state after it, so any past instant can be read back.
 */
@Component
class StateProjection implements Projection {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final HistoryRows historyRows;
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final PublishedState published = new PublishedState();

    StateProjection(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.historyRows = new HistoryRows(dataSource);
    }

    @Override
    public Batch open(List<EventEnvelope> events) {
        return new StateBatch(events);
    }

    /**
     * The batch's entities are read in one query and folded in memory, in the events' order; their final states and
     * the history rows are written in JDBC batches and one COPY. The rows equal those of folding one event at a time.
     */
    private final class StateBatch implements Batch {

        private final Map<EntityFold.Entity, Optional<Stored>> entities = new HashMap<>();
        private final Map<EntityFold.Entity, Optional<Object>> aggregates = new HashMap<>();
        private final Set<EntityFold.Entity> changedAggregates = new LinkedHashSet<>();
        private final Set<EntityFold.Entity> changed = new LinkedHashSet<>();
        private final List<Object[]> history = new ArrayList<>();
        /** An event that touches several entities has several history rows: its payload is written out once. */
        private final Map<java.util.UUID, String> payloads = new HashMap<>();
        /** What each aggregate's state decided after its last event of the batch: the next event's "before". */
        private final Map<EntityFold.Entity, Map<EntityFold.Entity, ObjectNode>> lastDecided = new HashMap<>();

        StateBatch(List<EventEnvelope> events) {
            List<EntityFold.Entity> wanted = events.stream().map(EntityFold::entityOf).distinct().toList();
            wanted.forEach(entity -> entities.put(entity, Optional.empty()));
            if (!wanted.isEmpty()) {
                jdbc.sql("""
                                select s.entity_type, s.entity_id, s.root_type, s.root_id, s.institution_id,
                                       s.state::text
                                from entity_state s
                                join unnest(cast(? as varchar[]), cast(? as varchar[])) as k(entity_type, entity_id)
                                  on s.entity_type = k.entity_type and s.entity_id = k.entity_id""")
                        .params(wanted.stream().map(EntityFold.Entity::type).toArray(String[]::new),
                                wanted.stream().map(EntityFold.Entity::id).toArray(String[]::new))
                        .query(row -> {
                            entities.put(new EntityFold.Entity(row.getString(1), row.getString(2)),
                                    Optional.of(stored(row)));
                        });
                List<EntityFold.Entity> roots = events.stream()
                        .map(e -> new EntityFold.Entity(e.aggregateType(), e.aggregateId())).distinct().toList();
                roots.forEach(root -> aggregates.put(root, Optional.empty()));
                jdbc.sql("""
                                select s.aggregate_type, s.aggregate_id, s.state::text from published_state s
                                join unnest(cast(? as varchar[]), cast(? as varchar[])) as k(aggregate_type, aggregate_id)
                                  on s.aggregate_type = k.aggregate_type and s.aggregate_id = k.aggregate_id""")
                        .params(roots.stream().map(EntityFold.Entity::type).toArray(String[]::new),
                                roots.stream().map(EntityFold.Entity::id).toArray(String[]::new))
                        .query(row -> {
                            aggregates.put(new EntityFold.Entity(row.getString(1), row.getString(2)),
                                    Optional.of(published.read(row.getString(1), row.getString(3))));
                        });
            }
        }

        /**
         * Applies the producer's fold to the aggregate's published state; returns what it decides for every entity
         * of the aggregate, and writes it into the other entities it changed (those of a removed finding).
         */
        private Map<EntityFold.Entity, ObjectNode> decide(EventEnvelope event, EntityFold.Entity entity) {
            Optional<Object> record = published.decode(event);
            if (record.isEmpty()) {
                return Map.of();
            }
            EntityFold.Entity aggregate = new EntityFold.Entity(event.aggregateType(), event.aggregateId());
            Object before = aggregates.computeIfAbsent(aggregate, StateProjection.this::loadPublished).orElse(null);
            Object after = published.apply(before, record.get());
            aggregates.put(aggregate, Optional.of(after));
            changedAggregates.add(aggregate);
            Map<EntityFold.Entity, ObjectNode> was = lastDecided.containsKey(aggregate) ? lastDecided.get(aggregate)
                    : before == null ? Map.of() : published.decided(before);
            Map<EntityFold.Entity, ObjectNode> decided = published.decided(after);
            lastDecided.put(aggregate, decided);
            decided.forEach((other, fields) -> {
                if (!other.equals(entity) && !fields.equals(was.get(other))) {
                    entities.computeIfAbsent(other, StateProjection.this::load).ifPresent(stored -> {
                        EntityFold.Step step = EntityFold.cascade(stored.state(), fields);
                        entities.put(other, Optional.of(new Stored(stored.root(), step.after(),
                                stored.institutionId())));
                        changed.add(other);
                        // Its own history row, so that the entity reads as it stood at any instant.
                        record(event, other, stored.root(), step);
                    });
                }
            });
            return decided;
        }

        @Override
        public void apply(EventEnvelope event, boolean understood) {
            EntityFold.Entity entity = EntityFold.entityOf(event);
            Optional<Stored> stored = entities.computeIfAbsent(entity, StateProjection.this::load);
            ObjectNode before = stored.map(Stored::state).orElse(null);
            EntityFold.Entity root = EntityFold.rootOf(event, entity, stored.map(Stored::root).orElse(null));
            EntityFold.Step step = understood
                    ? EntityFold.apply(before, event, decide(event, entity).getOrDefault(entity, EMPTY))
                    : unchanged(before);
            if (understood) {
                // The institution an entity was first seen in stays its institution.
                String institution = stored.map(Stored::institutionId).orElse(event.institutionId());
                entities.put(entity, Optional.of(new Stored(root, step.after(), institution)));
                changed.add(entity);
            }
            record(event, entity, root, step);
        }

        private void record(EventEnvelope event, EntityFold.Entity entity, EntityFold.Entity root,
                            EntityFold.Step step) {
            history.add(new Object[]{event.eventId(), event.aggregateType(), event.aggregateId(), event.sequence(),
                    event.eventType(), event.schemaVersion(), event.occurredAt(),
                    event.institutionId(), actor(event).userId(), actor(event).role(), actor(event).name(),
                    event.correlationId(), entity.type(), entity.id(), root.type(), root.id(),
                    step.kinds(), step.changes().toString(), step.reason(), step.evidence(),
                    payloads.computeIfAbsent(event.eventId(), id -> event.payload().toString()),
                    step.after().toString()});
        }

        @Override
        public void flush() {
            List<Object[]> states = changed.stream().map(entity -> {
                Stored stored = entities.get(entity).orElseThrow();
                return new Object[]{entity.type(), entity.id(), stored.root().type(), stored.root().id(),
                        stored.institutionId(), stored.state().toString()};
            }).toList();
            batches.batchUpdate("""
                    insert into entity_state (entity_type, entity_id, root_type, root_id, institution_id, state)
                    values (?, ?, ?, ?, ?, cast(? as jsonb))
                    on conflict (entity_type, entity_id) do update
                    set root_type = excluded.root_type, root_id = excluded.root_id, state = excluded.state,
                        institution_id = excluded.institution_id""", states);
            batches.batchUpdate("""
                    insert into published_state (aggregate_type, aggregate_id, state) values (?, ?, cast(? as jsonb))
                    on conflict (aggregate_type, aggregate_id) do update set state = excluded.state""",
                    changedAggregates.stream().map(aggregate -> new Object[]{aggregate.type(), aggregate.id(),
                            published.write(aggregates.get(aggregate).orElseThrow())}).toList());
            historyRows.insert(history);
        }
    }

    private Optional<Object> loadPublished(EntityFold.Entity aggregate) {
        return jdbc.sql("select state::text from published_state where aggregate_type = ? and aggregate_id = ?")
                .params(aggregate.type(), aggregate.id())
                .query(String.class).optional()
                .map(json -> published.read(aggregate.type(), json));
    }

    /** An entity the batch did not name up front (one drained from the parked events). */
    private Optional<Stored> load(EntityFold.Entity entity) {
        return jdbc.sql("""
                        select entity_type, entity_id, root_type, root_id, institution_id, state::text
                        from entity_state where entity_type = ? and entity_id = ?""")
                .params(entity.type(), entity.id())
                .query((row, n) -> stored(row))
                .optional();
    }

    private Stored stored(ResultSet row) throws SQLException {
        return new Stored(new EntityFold.Entity(row.getString(3), row.getString(4)), read(row.getString(6)),
                row.getString(5));
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

    private record Stored(EntityFold.Entity root, ObjectNode state, String institutionId) {
    }
}
