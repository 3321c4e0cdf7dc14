package org.mejora.envelope.axon;

import org.mejora.envelope.chain.AggregateHistory;
import org.mejora.envelope.chain.ChainJson;
import org.mejora.envelope.chain.ChainedEvent;
import org.mejora.envelope.chain.HistoryProof;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Who may check one aggregate's history and download it with its proofs: an AUDITOR of the aggregate's institution,
 * or a platform administrator (any institution). The producers' {@code integrity} controllers map the answers to their
 * own problems.
 */
public class HistoryAudit {

    /** Whether the user may audit the aggregate: unknown (or another institution's: the same answer) or forbidden. */
    public enum Access { ALLOWED, UNKNOWN, FORBIDDEN }

    private final AggregateHistory history;

    public HistoryAudit(AggregateHistory history) {
        this.history = history;
    }

    public Access access(String aggregateId, String aggregateType, VerifiedUser user) {
        Optional<ChainedEvent> first = history.first(aggregateId)
                .filter(event -> event.aggregateType().equals(aggregateType));
        if (first.isEmpty()) {
            return Access.UNKNOWN;
        }
        if (user.has(Role.PLATFORM_ADMIN)) {
            return Access.ALLOWED;
        }
        if (!user.institutionId().equals(first.get().institutionId())) {
            return Access.UNKNOWN;
        }
        return user.has(Role.AUDITOR) ? Access.ALLOWED : Access.FORBIDDEN;
    }

    public AggregateHistory.Verification verify(String aggregateId) {
        return history.verify(aggregateId);
    }

    /** The history with its proofs as the JSON file that {@code infra/verify-history.sh --file} reads. */
    public byte[] proofFile(String aggregateId) {
        HistoryProof proof = history.proof(aggregateId);
        try {
            return ChainJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(proof);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history of " + aggregateId, e);
        }
    }
}
