package org.mejora.verifier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.chain.ChainedEvent;
import org.mejora.envelope.chain.EventChain;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of issue 12's closing note, on a store of the benchmark's default size (infra/bench.sh: 100,000 events;
 * {@code -Dmejora.verifier.events=N} for another): the verifier's rate, the chain's storage per event and the cost of
 * chaining an append. It uses a schema of its own in plan-service's test database, never the service's tables.
 */
class VerifierRateIT {

    private static final String SCHEMA = "chain_rate";
    private static final int EVENTS = Integer.getInteger("mejora.verifier.events", 100_000);
    private static final int PER_AGGREGATE = 10;
    private static final int APPENDS = Integer.getInteger("mejora.verifier.appends", 1000);

    private static String url;

    @BeforeAll
    static void schema() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        url = infra.jdbcUrl("plan", "test") + "?currentSchema=" + SCHEMA;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
            statement.execute("set search_path to " + SCHEMA);
            statement.execute(resource("/db/axon/V1__axon_event_store.sql"));
            statement.execute(resource("/db/axon/V10__event_chain.sql"));
        }
    }

    @Test
    void measuresTheVerifierTheStorageAndTheAppend() throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            EventChain chain = new EventChain();
            int aggregates = EVENTS / PER_AGGREGATE;
            // The store of the benchmark's size, written in batches of 100 events with their links.
            List<ChainedEvent> batch = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                String aggregate = UUID.randomUUID().toString();
                for (int s = 0; s < PER_AGGREGATE; s++) {
                    batch.add(insert(connection, aggregate, s));
                }
                if (batch.size() >= 100) {
                    chain.append(connection, batch);
                    connection.commit();
                    batch.clear();
                }
            }
            chain.append(connection, batch);
            connection.commit();

            // The append overhead: one event per transaction, as a command stores it, with and without its link,
            // alternating so that both see the same load. The chained one also looks up the previous link.
            long plainNanos = 0;
            long chainedNanos = 0;
            for (int i = 0; i < APPENDS; i++) {
                String plain = UUID.randomUUID().toString();
                String chained = UUID.randomUUID().toString();
                for (int s = 0; s < 2; s++) {
                    long t0 = System.nanoTime();
                    insert(connection, plain, s);
                    connection.commit();
                    long t1 = System.nanoTime();
                    chain.append(connection, List.of(insert(connection, chained, s)));
                    connection.commit();
                    long t2 = System.nanoTime();
                    plainNanos += t1 - t0;
                    chainedNanos += t2 - t1;
                }
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from domain_event_entry d where not exists (select 1 from chain_head h "
                        + "where h.aggregate_identifier = d.aggregate_identifier)");
                statement.execute("vacuum analyze event_chain");
                statement.execute("vacuum analyze chain_head");
                statement.execute("vacuum analyze domain_event_entry");
            }
            long total = EVENTS + 2L * APPENDS;
            long eventBytes = size(connection, "domain_event_entry");
            long chainBytes = size(connection, "event_chain") + size(connection, "chain_head");

            HistoryVerifier verifier = new HistoryVerifier().verifyStore(connection, HistoryVerifier.Scope.all());
            Findings findings = verifier.findings();
            findings.print(System.out);

            System.out.printf(Locale.ROOT, "FIGURES %,d events in %,d aggregates:%n", findings.events(),
                    findings.aggregates);
            System.out.printf(Locale.ROOT, "  verifier store stage: %,.0f events/s (%.1f s)%n", findings.rate(),
                    findings.storeSeconds);
            System.out.printf(Locale.ROOT, "  storage: chain %,d bytes/event (event_chain + chain_head with indexes);"
                    + " the events themselves %,d bytes/event%n", chainBytes / total, eventBytes / total);
            System.out.printf(Locale.ROOT, "  append, one event per transaction (%,d each): %.3f ms without its link,"
                            + " %.3f ms with it (+%.0f %%)%n", 2 * APPENDS, plainNanos / 1e6 / (2 * APPENDS),
                    chainedNanos / 1e6 / (2 * APPENDS), 100.0 * (chainedNanos - plainNanos) / plainNanos);
            assertThat(findings.holds()).isTrue();
            assertThat(findings.events()).isEqualTo(total);
        }
    }

    /** An ActionAdded-like event of the size the service stores (about 700 bytes of payload). */
    private static ChainedEvent insert(Connection connection, String aggregate, int sequence) throws SQLException {
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

    private static long size(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select pg_total_relation_size(?)")) {
            select.setString(1, SCHEMA + "." + table);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.get();
        return DriverManager.getConnection(url, infra.dbUser("plan"), infra.dbPassword("plan"));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = VerifierRateIT.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
