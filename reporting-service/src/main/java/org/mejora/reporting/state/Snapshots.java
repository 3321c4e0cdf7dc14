package org.mejora.reporting.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.EnvelopeCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The entities of a plan or evaluation now, or exactly as they stood at a past instant. */
@Component
public class Snapshots {

    private final JdbcClient jdbc;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    Snapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every entity under a root (the plan with its findings and actions, or an evaluation), current state. */
    public List<EntityRow> current(String rootType, String rootId) {
        return jdbc.sql("""
                        select entity_type, entity_id, root_id, institution_id, state::text from entity_state
                        where root_type = ? and root_id = ? order by entity_type, entity_id""")
                .params(rootType, rootId)
                .query(this::row).list();
    }

    /** The same as it stood at {@code at}: the state after the last event of each entity up to that instant. */
    public List<EntityRow> asOf(String rootType, String rootId, Instant at) {
        return jdbc.sql("""
                        select distinct on (entity_type, entity_id)
                               entity_type, entity_id, root_id, institution_id, state_after::text
                        from history_entry
                        where root_type = ? and root_id = ? and occurred_at <= ?
                          and not ('UNREAD' = any(change_kinds))
                        order by entity_type, entity_id, occurred_at desc, sequence desc""")
                .params(rootType, rootId, Timestamp.from(at))
                .query(this::row).list();
    }

    /** All entities of a type in an institution, current state. */
    public List<EntityRow> ofInstitution(String institutionId, String entityType) {
        return jdbc.sql("""
                        select entity_type, entity_id, root_id, institution_id, state::text from entity_state
                        where institution_id = ? and entity_type = ? order by entity_id""")
                .params(institutionId, entityType)
                .query(this::row).list();
    }

    public Optional<EntityRow> one(String entityType, String entityId) {
        return jdbc.sql("""
                        select entity_type, entity_id, root_id, institution_id, state::text from entity_state
                        where entity_type = ? and entity_id = ?""")
                .params(entityType, entityId)
                .query(this::row).optional();
    }

    private EntityRow row(ResultSet row, int number) throws SQLException {
        try {
            return new EntityRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    (ObjectNode) codec.mapper().readTree(row.getString(5)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entity and its state. */
    public record EntityRow(String type, String id, String rootId, String institutionId, ObjectNode state) {

        public String text(String field) {
            return state.hasNonNull(field) ? state.get(field).asText() : null;
        }

        /** Removed from its plan, by itself or with its finding (plan-api's fold decides it). */
        public boolean removed() {
            return state.path("removed").asBoolean(false);
        }

        public Integer integer(String field) {
            return state.hasNonNull(field) ? state.get(field).asInt() : null;
        }
    }
}
