package org.mejora.envelope.chain;

/** One row of {@code event_chain}: an event's hash and the hash of its aggregate's previous event (hex). */
public record ChainLink(String aggregateId, long sequence, String eventId, String hash, String previousHash) {
}
