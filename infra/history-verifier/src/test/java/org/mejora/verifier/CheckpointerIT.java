package org.mejora.verifier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.chain.Checkpoint;
import org.mejora.envelope.chain.CheckpointSigner;
import org.mejora.envelope.chain.Checkpointer;
import org.mejora.envelope.chain.EventChain;
import org.mejora.envelope.chain.EventHash;
import org.mejora.envelope.chain.HistoryBreak;
import org.mejora.testing.TestHistoryKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed checkpoints in the producer's database: only when a head moved, numbered and linked, one instance at a
 * time, published unchanged after a failure or a restart; the verifier checks their signatures and heads.
 */
class CheckpointerIT {

    private static final StoreFixture STORE = new StoreFixture("chain_checkpoints");
    private final CheckpointSigner signer = CheckpointSigner.fromPem(TestHistoryKey.location());

    @BeforeEach
    void store() throws Exception {
        STORE.create();
    }

    @Test
    void checkpointsOnlyWhatMovedAndLinksEachToThePreviousOne() throws Exception {
        try (Connection connection = STORE.connect()) {
            String aggregate = UUID.randomUUID().toString();
            EventChain chain = new EventChain();
            chain.append(connection, List.of(STORE.insert(connection, aggregate, 0),
                    STORE.insert(connection, aggregate, 1)));
            Checkpointer checkpointer = new Checkpointer("plan-service", signer, 2000);

            Checkpoint first = checkpointer.checkpoint(connection, Instant.now()).orElseThrow();
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.previous()).isEqualTo(EventHash.GENESIS);
            assertThat(first.heads()).singleElement().extracting(Checkpoint.Head::sequence).isEqualTo(1L);
            assertThat(checkpointer.checkpoint(connection, Instant.now())).isEmpty();

            chain.append(connection, List.of(STORE.insert(connection, aggregate, 2)));
            Checkpoint second = checkpointer.checkpoint(connection, Instant.now()).orElseThrow();
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.previous()).isEqualTo(first.hash());
            assertThat(second.verifiedBy(signer.publicJwk())).isTrue();

            assertThat(new HistoryVerifier().verifyStore(connection, HistoryVerifier.Scope.all()).findings().holds())
                    .isTrue();
        }
    }

    @Test
    void anotherInstanceHoldingTheLockMakesNoCheckpoint() throws Exception {
        try (Connection connection = STORE.connect(); Connection other = STORE.connect()) {
            new EventChain().append(connection, List.of(STORE.insert(connection, UUID.randomUUID().toString(), 0)));
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + 0x6d656a6f7261L + ")");
            }

            Optional<Checkpoint> none = new Checkpointer("plan-service", signer, 2000)
                    .checkpoint(connection, Instant.now());
            other.rollback();

            assertThat(none).isEmpty();
            assertThat(new Checkpointer("plan-service", signer, 2000).checkpoint(connection, Instant.now()))
                    .isPresent();
        }
    }

    @Test
    void aCheckpointNotAcknowledgedIsPublishedUnchangedAfterARestart() throws Exception {
        try (Connection connection = STORE.connect()) {
            new EventChain().append(connection, List.of(STORE.insert(connection, UUID.randomUUID().toString(), 0)));
            Checkpoint stored = new Checkpointer("plan-service", signer, 2000).checkpoint(connection, Instant.now())
                    .orElseThrow();

            assertThatThrownBy(() -> new Checkpointer("plan-service", signer, 2000).publish(connection, c -> {
                throw new IllegalStateException("Kafka is down");
            })).hasMessageContaining("Kafka is down");

            List<String> sent = new ArrayList<>();
            int published = new Checkpointer("plan-service", signer, 2000).publish(connection,
                    c -> sent.add(c.jws()));
            assertThat(published).isEqualTo(1);
            assertThat(sent).containsExactly(stored.jws());
            assertThat(new Checkpointer("plan-service", signer, 2000).publish(connection, c -> sent.add(c.jws())))
                    .isZero();
        }
    }

    @Test
    void aRewrittenCheckpointOrAHistoryCutAfterItIsNamed() throws Exception {
        try (Connection connection = STORE.connect()) {
            String aggregate = UUID.randomUUID().toString();
            new EventChain().append(connection, List.of(STORE.insert(connection, aggregate, 0),
                    STORE.insert(connection, aggregate, 1)));
            new Checkpointer("plan-service", signer, 2000).checkpoint(connection, Instant.now()).orElseThrow();

            try (PreparedStatement cut = connection.prepareStatement(
                    "delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 1");
                 PreparedStatement link = connection.prepareStatement(
                         "delete from event_chain where aggregate_identifier = ? and sequence_number = 1")) {
                cut.setString(1, aggregate);
                cut.executeUpdate();
                link.setString(1, aggregate);
                link.executeUpdate();
            }
            assertThat(new HistoryVerifier().verifyStore(connection, HistoryVerifier.Scope.all()).findings()
                    .firstBreak()).get().extracting(HistoryBreak::aggregateId, HistoryBreak::sequence,
                    HistoryBreak::kind).containsExactly(aggregate, 1L, HistoryBreak.Kind.EVENT_MISSING);

            try (Statement forge = connection.createStatement()) {
                forge.executeUpdate("update chain_checkpoint set jws = regexp_replace(jws, '.{8}$', 'AAAAAAAA')");
            }
            assertThat(new HistoryVerifier().verifyStore(connection, HistoryVerifier.Scope.all()).findings()
                    .firstBreak()).get().extracting(HistoryBreak::kind)
                    .isEqualTo(HistoryBreak.Kind.CHECKPOINT_INVALID);
        }
    }
}
