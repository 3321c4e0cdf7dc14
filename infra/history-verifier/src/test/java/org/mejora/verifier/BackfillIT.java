package org.mejora.verifier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.chain.EventChain;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store whose events were written before chaining began: the verifier counts them as not chained yet instead of
 * breaks; a new event of such an aggregate, or a checkpoint round's backfill, chains them; then the chain holds.
 */
class BackfillIT {

    private static final StoreFixture STORE = new StoreFixture("chain_backfill");

    @BeforeEach
    void store() throws Exception {
        STORE.create();
    }

    @Test
    void eventsStoredBeforeChainingAreNotBreaksAndGetChainedLater() throws Exception {
        String touched = UUID.randomUUID().toString();
        String untouched = UUID.randomUUID().toString();
        try (Connection connection = STORE.connect()) {
            for (int s = 0; s < 3; s++) {
                STORE.insert(connection, touched, s);
                STORE.insert(connection, untouched, s);
            }

            Findings before = new HistoryVerifier().verifyStore(connection, HistoryVerifier.Scope.all()).findings();
            assertThat(before.holds()).isTrue();
            assertThat(before.unchainedEvents).isEqualTo(6);

            new EventChain().append(connection, List.of(STORE.insert(connection, touched, 3)));
            Findings appended = new HistoryVerifier().verifyStore(connection, HistoryVerifier.Scope.all()).findings();
            assertThat(appended.holds()).isTrue();
            assertThat(appended.unchainedEvents).isEqualTo(3);

            assertThat(new EventChain().backfill(connection, 500)).isEqualTo(1);
            Findings backfilled = new HistoryVerifier().verifyStore(connection, HistoryVerifier.Scope.all())
                    .findings();
            assertThat(backfilled.holds()).isTrue();
            assertThat(backfilled.unchainedEvents).isZero();
            assertThat(backfilled.events()).isEqualTo(7);
        }
    }
}
