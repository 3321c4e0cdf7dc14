package org.mejora.bench;

import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * reporting-service's bench database, read beside the service: how far its ingestion has come, whether it
 * refused any synthetic event, and the plain PostgreSQL baselines (a batched insert, the history query alone).
 */
final class Database {

    private final Config config;

    Database(Config config) {
        this.config = config;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    /** Sum of the next offsets the live projection recorded (0 before its first batch). */
    long ingestedOffsets() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(sum(next_offset), 0) from consumer_offset")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long unreadable() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from unreadable_record")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Inserts {@code rows} event-like rows (uuid, type, aggregate, time, jsonb payload of ~600 bytes) into a scratch
     * table in batches of 1000, one commit per batch, like an ingestion batch; returns rows per second.
     */
    double batchInsertRate(long rows) throws SQLException {
        String payload = "{\"planId\":\"%s\",\"actionId\":\"%s\",\"percent\":50,\"previousPercent\":25,"
                + "\"evidence\":\"Acta de seguimiento 3\",\"comment\":\"Avance según cronograma de la acción de mejora"
                + " para el seguimiento trimestral de los indicadores del plan de desarrollo\",\"reason\":null,"
                + "\"recordedOn\":\"2021-07-15\",\"institutionId\":\"bench-synthetic-3\",\"actor\":{\"userId\":"
                + "\"owner-s12\",\"role\":\"PLAN_OWNER\",\"name\":\"Responsable 12\"}}";
        try (Connection connection = connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_scratch_event");
                statement.execute("""
                        create table bench_scratch_event (event_id uuid primary key, event_type varchar(200) not null,
                        aggregate_id varchar(100) not null, occurred_at timestamptz not null, payload jsonb not null)""");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into bench_scratch_event values (?, ?, ?, ?, ?::jsonb)")) {
                for (long i = 1; i <= rows; i++) {
                    String aggregate = UUID.randomUUID().toString();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "ActionProgressRecorded");
                    insert.setString(3, aggregate);
                    insert.setTimestamp(4, Timestamp.from(Instant.now()));
                    insert.setString(5, payload.formatted(aggregate, aggregate));
                    insert.addBatch();
                    if (i % 1000 == 0 || i == rows) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table bench_scratch_event");
            }
            return rows / seconds;
        }
    }

    /**
     * The history query of one entity straight on PostgreSQL over one open connection, {@code times} times: the
     * floor under the service's history read.
     */
    Histogram historyQuery(String entityType, String entityId, int times) throws SQLException {
        Histogram micros = new Histogram(60_000_000L, 3);
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("""
                select entity_type, entity_id, aggregate_type, sequence, event_type, occurred_at, actor_id,
                       change_kinds, changes::text, reason, evidence, payload::text
                from history_entry where entity_type = ? and entity_id = ?
                order by occurred_at, aggregate_type, aggregate_id, sequence limit 50""")) {
            query.setString(1, entityType);
            query.setString(2, entityId);
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(12);
                    }
                }
                micros.recordValue(Math.min(60_000_000L, (System.nanoTime() - start) / 1000));
            }
        }
        return micros;
    }
}
