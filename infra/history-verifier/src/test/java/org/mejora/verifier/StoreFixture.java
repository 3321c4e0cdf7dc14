package org.mejora.verifier;

import org.mejora.envelope.chain.ChainedEvent;
import org.mejora.envelope.chain.StoredEvents;
import org.mejora.testing.TestInfrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event store of the producers' shape (their Flyway scripts) in a schema of its own inside plan-service's test
 * database, filled with events as Axon's engine stores them. Never touches the service's own tables.
 */
final class StoreFixture {

    final String schema;

    StoreFixture(String schema) {
        this.schema = schema;
    }

    void create() throws IOException, SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
            statement.execute("set search_path to " + schema);
            statement.execute(resource("/db/axon/V1__axon_event_store.sql"));
            statement.execute(resource("/db/axon/V10__event_chain.sql"));
        }
    }

    Connection connect() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.get();
        return DriverManager.getConnection(infra.jdbcUrl("plan", "test") + "?currentSchema=" + schema,
                infra.dbUser("plan"), infra.dbPassword("plan"));
    }

    /** An ActionAdded-like event of the size the service stores (about 700 bytes of payload). */
    ChainedEvent insert(Connection connection, String aggregate, int sequence) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        String time = Instant.ofEpochMilli(1_700_000_000_000L + sequence * 1000L).toString();
        byte[] meta = ("{\"traceId\":\"" + UUID.randomUUID() + "\",\"actorId\":\"lhernandez\",\"institutionId\":"
                + "\"alcaldia-calica\",\"requestId\":\"" + UUID.randomUUID() + "\",\"actorRole\":\"PLAN_OWNER\","
                + "\"actorName\":\"Luz Andrea Hernández Tejedor\",\"correlationId\":\"" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] payload = ("{\"planId\":\"" + aggregate + "\",\"findingId\":\"" + UUID.randomUUID()
                + "\",\"actionId\":\"" + UUID.randomUUID() + "\",\"details\":{\"number\":\"" + sequence
                + "\",\"name\":\"Generar planes por dependencia\",\"description\":\"Elaborar y socializar los planes "
                + "de acción de cada dependencia\",\"objective\":\"Cumplir el plan\",\"tasks\":[{\"number\":1,"
                + "\"description\":\"Reunión\"},{\"number\":2,\"description\":\"Informe\"}],\"goalIndicator\":"
                + "\"% avance\",\"resources\":\"Humanos\",\"responsibleUnit\":\"Secretaría de Planeación\","
                + "\"responsibleRole\":\"Directora\",\"technicalDirection\":null,\"start\":\"2026-10-02\",\"end\":"
                + "\"2026-12-11\",\"scheduledMonths\":null,\"comments\":null}}").getBytes(StandardCharsets.UTF_8);
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry "
                + "(event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, "
                + "aggregate_identifier, sequence_number, type) values (?, ?, ?, '1', ?, ?, ?, ?, 'Plan')")) {
            insert.setString(1, eventId);
            insert.setBytes(2, meta);
            insert.setBytes(3, payload);
            insert.setString(4, "org.mejora.plan.api.ActionAdded");
            insert.setString(5, time);
            insert.setString(6, aggregate);
            insert.setLong(7, sequence);
            insert.executeUpdate();
        }
        return StoredEvents.of(eventId, "org.mejora.plan.api.ActionAdded", "Plan", aggregate, sequence,
                ChainedEvent.millis(time), meta, payload);
    }

    long size(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select pg_total_relation_size(?)")) {
            select.setString(1, schema + "." + table);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = StoreFixture.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
