package org.mejora.envelope.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes and publishes signed checkpoints from {@code chain_head}, in the producer's database. One instance at a time
 * does it (a transaction-scoped PostgreSQL advisory lock), and every checkpoint is stored before it is published, so
 * that a restart publishes the same signed bytes rather than a second checkpoint with the same number.
 */
public final class Checkpointer {

    /** Key of the advisory lock: any constant; the other services have other databases. */
    private static final long LOCK = 0x6d656a6f7261L;

    private final String producer;
    private final CheckpointSigner signer;
    private final int maxHeads;

    public Checkpointer(String producer, CheckpointSigner signer, int maxHeads) {
        this.producer = producer;
        this.signer = signer;
        this.maxHeads = maxHeads;
    }

    /** Stores one checkpoint of the heads no checkpoint covers yet (at most maxHeads); empty when none moved. */
    public Optional<Checkpoint> checkpoint(Connection connection, Instant now) throws SQLException {
        return locked(connection, () -> checkpointLocked(connection, now)).flatMap(found -> found);
    }

    private Optional<Checkpoint> checkpointLocked(Connection connection, Instant now) throws SQLException {
        long number = 1;
        String previous = EventHash.GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
                "select number, jws from chain_checkpoint order by number desc limit 1");
             ResultSet row = last.executeQuery()) {
            if (row.next()) {
                number = row.getLong(1) + 1;
                previous = EventHash.sha256(row.getString(2).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        List<Checkpoint.Head> heads = new ArrayList<>();
        try (PreparedStatement pending = connection.prepareStatement("select aggregate_identifier, "
                + "sequence_number, hash from chain_head where checkpointed_sequence is distinct from "
                + "sequence_number order by aggregate_identifier limit ?")) {
            pending.setInt(1, maxHeads);
            try (ResultSet row = pending.executeQuery()) {
                while (row.next()) {
                    heads.add(new Checkpoint.Head(row.getString(1), row.getLong(2),
                            EventHash.hex(row.getBytes(3))));
                }
            }
        }
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        String createdAt = now.toString();
        String jws = signer.sign(Checkpoint.payload(producer, number, previous, createdAt, heads));
        try (PreparedStatement insert = connection.prepareStatement("insert into chain_checkpoint (number, "
                + "key_id, jws, created_at, head_count) values (?, ?, ?, ?, ?)");
             PreparedStatement key = connection.prepareStatement("insert into chain_signing_key (key_id, "
                     + "public_jwk, first_used) values (?, ?, ?) on conflict (key_id) do nothing");
             PreparedStatement covered = connection.prepareStatement("update chain_head set "
                     + "checkpointed_sequence = ?, checkpoint_number = ? where aggregate_identifier = ?")) {
            insert.setLong(1, number);
            insert.setString(2, signer.keyId());
            insert.setString(3, jws);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setInt(5, heads.size());
            insert.executeUpdate();
            key.setString(1, signer.keyId());
            key.setString(2, signer.publicJwk());
            key.setTimestamp(3, Timestamp.from(now));
            key.executeUpdate();
            for (Checkpoint.Head head : heads) {
                covered.setLong(1, head.sequence());
                covered.setLong(2, number);
                covered.setString(3, head.aggregateId());
                covered.addBatch();
            }
            covered.executeBatch();
        }
        return Optional.of(new Checkpoint(producer, number, previous, createdAt, heads, signer.keyId(), jws));
    }

    /** Chains some aggregates stored before chaining began (see {@link EventChain#backfill}); answers how many. */
    public int backfill(Connection connection, int limit) throws SQLException {
        return locked(connection, () -> new EventChain().backfill(connection, limit)).orElse(0);
    }

    /** Hands every stored, unpublished checkpoint to {@code send} in order (which must throw if it fails). */
    public int publish(Connection connection, Consumer<Checkpoint> send) throws SQLException {
        return locked(connection, () -> {
            List<Checkpoint> unpublished = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select jws from chain_checkpoint where not published order by number");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    unpublished.add(Checkpoint.parse(row.getString(1)));
                }
            }
            try (PreparedStatement done = connection.prepareStatement(
                    "update chain_checkpoint set published = true where number = ?")) {
                for (Checkpoint checkpoint : unpublished) {
                    send.accept(checkpoint);
                    done.setLong(1, checkpoint.number());
                    done.executeUpdate();
                }
            }
            return unpublished.size();
        }).orElse(0);
    }

    public String publicJwk() {
        return signer.publicJwk();
    }

    public String keyId() {
        return signer.keyId();
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs in one transaction holding the lock; empty if another instance holds it. */
    private static <T> Optional<T> locked(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        connection.rollback();
                        return Optional.empty();
                    }
                }
            }
            T result = work.run();
            connection.commit();
            return Optional.ofNullable(result);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
