package org.mejora.envelope.chain;

import com.fasterxml.jackson.databind.JsonNode;
import org.mejora.envelope.Actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One aggregate's history with what an auditor needs to check it offline ({@code infra/verify-history.sh --file}):
 * every stored event with its chain link, and the latest signed checkpoint that covers it, with the public key.
 *
 * @param checkpoint null while no checkpoint covers the aggregate yet
 */
public record HistoryProof(int form, String aggregateId, String aggregateType, List<Event> events,
                           CheckpointProof checkpoint) {

    /** An event as stored: the fields of its canonical form, its hash and its aggregate's previous hash. */
    public record Event(String eventId, String eventType, long sequence, String occurredAt, long occurredAtMillis,
                        String institutionId, Actor actor, JsonNode payload, String hash, String previousHash) {
    }

    /**
     * @param coversSequence the sequence of this aggregate's head in the checkpoint
     * @param publicJwk      the key the checkpoint names (RFC 7638 thumbprint = keyId); pin it with --public-key
     */
    public record CheckpointProof(long number, String keyId, String publicJwk, String jws, long coversSequence) {
    }

    public static HistoryProof of(String aggregateId, List<ChainedEvent> stored, List<ChainLink> links,
                                  CheckpointProof checkpoint) {
        List<Event> events = new ArrayList<>();
        String type = stored.isEmpty() ? null : stored.get(0).aggregateType();
        Map<Long, ChainLink> bySequence = new HashMap<>();
        links.forEach(link -> bySequence.put(link.sequence(), link));
        for (ChainedEvent event : stored) {
            ChainLink link = bySequence.get(event.sequence());
            events.add(new Event(event.eventId(), event.eventType(), event.sequence(),
                    java.time.Instant.ofEpochMilli(event.occurredAtMillis()).toString(), event.occurredAtMillis(),
                    event.institutionId(), event.actor(), event.payload(),
                    link == null ? null : link.hash(), link == null ? null : link.previousHash()));
        }
        return new HistoryProof(ChainedEvent.FORM, aggregateId, type, events, checkpoint);
    }

    public List<ChainedEvent> chainedEvents() {
        return events.stream().map(e -> new ChainedEvent(e.eventId(), e.eventType(), aggregateType, aggregateId,
                e.sequence(), e.occurredAtMillis(), e.institutionId(), e.actor(), e.payload())).toList();
    }

    public List<ChainLink> links() {
        return events.stream().filter(e -> e.hash() != null)
                .map(e -> new ChainLink(aggregateId, e.sequence(), e.eventId(), e.hash(), e.previousHash())).toList();
    }

    public Optional<CheckpointProof> checkpointProof() {
        return Optional.ofNullable(checkpoint);
    }
}
