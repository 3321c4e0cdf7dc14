package org.mejora.verifier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.chain.ChainedEvent;
import org.mejora.envelope.chain.EventChain;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of issue 12's closing note, on a store of the benchmark's default size (infra/bench.sh: 100,000 events;
 * {@code -Dmejora.verifier.events=N} for another): the verifier's rate, the chain's storage per event and the cost of
 * chaining an append. It uses a schema of its own in plan-service's test database ({@link StoreFixture}).
 */
class VerifierRateIT {

    private static final StoreFixture STORE = new StoreFixture("chain_rate");
    private static final int EVENTS = Integer.getInteger("mejora.verifier.events", 100_000);
    private static final int PER_AGGREGATE = 10;
    private static final int APPENDS = Integer.getInteger("mejora.verifier.appends", 1000);

    @BeforeAll
    static void schema() throws Exception {
        STORE.create();
    }

    @Test
    void measuresTheVerifierTheStorageAndTheAppend() throws Exception {
        try (Connection connection = STORE.connect()) {
            connection.setAutoCommit(false);
            EventChain chain = new EventChain();
            int aggregates = EVENTS / PER_AGGREGATE;
            // The store of the benchmark's size, written in batches of 100 events with their links.
            List<ChainedEvent> batch = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                String aggregate = UUID.randomUUID().toString();
                for (int s = 0; s < PER_AGGREGATE; s++) {
                    batch.add(STORE.insert(connection, aggregate, s));
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
                    STORE.insert(connection, plain, s);
                    connection.commit();
                    long t1 = System.nanoTime();
                    chain.append(connection, List.of(STORE.insert(connection, chained, s)));
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
            long eventBytes = STORE.size(connection, "domain_event_entry");
            long chainBytes = STORE.size(connection, "event_chain") + STORE.size(connection, "chain_head");

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
}
