package org.mejora.envelope.chain;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One aggregate's history as the producer holds it: verified on request, or handed out with its proofs. Reads only;
 * backs the producers' {@code .../history/verification} and {@code .../history/proof} endpoints.
 */
public final class AggregateHistory {

    private final DataSource dataSource;
    private final EventChain chain = new EventChain();

    public AggregateHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What an auditor reads: whether the chain holds and, if not, the first break; how far a checkpoint covers it.
     *
     * @param checkpointNumber   the latest checkpoint covering the aggregate, or null
     * @param checkpointSequence the aggregate's head in that checkpoint, or null
     */
    public record Verification(String aggregateId, String aggregateType, boolean holds, int events, int unchained,
                               HistoryBreak firstBreak, Long checkpointNumber, Long checkpointSequence,
                               boolean checkpointMatches) {
    }

    /** The aggregate's type and institution (from its first stored event), if the store holds it. */
    public Optional<ChainedEvent> first(String aggregateId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + StoredEvents.COLUMNS
                     + " from domain_event_entry where aggregate_identifier = ? order by sequence_number limit 1")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(StoredEvents.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + aggregateId, e);
        }
    }

    public Verification verify(String aggregateId) {
        HistoryProof proof = proof(aggregateId);
        ChainVerifier.AggregateVerdict verdict = ChainVerifier.verify(aggregateId, proof.chainedEvents(),
                proof.links());
        Long number = null;
        Long sequence = null;
        boolean matches = true;
        if (proof.checkpoint() != null) {
            HistoryProof.CheckpointProof covering = proof.checkpoint();
            number = covering.number();
            sequence = covering.coversSequence();
            Checkpoint checkpoint = Checkpoint.parse(covering.jws());
            matches = checkpoint.verifiedBy(covering.publicJwk()) && checkpoint.heads().stream()
                    .anyMatch(h -> h.aggregateId().equals(aggregateId) && h.sequence() == covering.coversSequence()
                            && verdict.hashAt(h.sequence()).map(h.hash()::equals).orElse(false));
        }
        HistoryBreak firstBreak = verdict.firstBreak().orElse(matches ? null : new HistoryBreak(aggregateId,
                sequence, HistoryBreak.Kind.CHECKPOINT_MISMATCH,
                "signed checkpoint " + number + " names a head the stored chain does not reach"));
        return new Verification(aggregateId, proof.aggregateType(), firstBreak == null, verdict.events(),
                verdict.unchained(), firstBreak, number, sequence, matches);
    }

    public HistoryProof proof(String aggregateId) {
        try (Connection connection = dataSource.getConnection()) {
            List<ChainedEvent> stored = chain.storedEvents(connection, aggregateId);
            List<ChainLink> links = chain.links(connection, aggregateId);
            return HistoryProof.of(aggregateId, stored, links, covering(connection, aggregateId).orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history of " + aggregateId, e);
        }
    }

    private static Optional<HistoryProof.CheckpointProof> covering(Connection connection, String aggregateId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select c.number, c.key_id, k.public_jwk, c.jws, "
                + "h.checkpointed_sequence from chain_head h join chain_checkpoint c on c.number = h.checkpoint_number "
                + "join chain_signing_key k on k.key_id = c.key_id where h.aggregate_identifier = ?")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new HistoryProof.CheckpointProof(row.getLong(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getLong(5)))
                        : Optional.empty();
            }
        }
    }
}
