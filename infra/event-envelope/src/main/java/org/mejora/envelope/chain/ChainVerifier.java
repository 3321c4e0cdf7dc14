package org.mejora.envelope.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recomputes one aggregate's chain from its stored events and compares it with the stored links. The same check runs
 * in the producers' verification endpoint and in {@code infra/verify-history.sh}.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * One aggregate's verdict.
     *
     * @param events      stored events
     * @param unchained   events stored before chaining was enabled and never chained since (a prefix of the stream)
     * @param hashes      the verified hash of each sequence, up to the first break (index = sequence)
     * @param firstBreak  empty when the whole chain holds
     */
    public record AggregateVerdict(String aggregateId, int events, int unchained, List<String> hashes,
                                   Optional<HistoryBreak> firstBreak) {

        public boolean holds() {
            return firstBreak.isEmpty();
        }

        /** The verified hash of an event, if the chain holds up to it. */
        public Optional<String> hashAt(long sequence) {
            return sequence >= 0 && sequence < hashes.size() ? Optional.ofNullable(hashes.get((int) sequence))
                    : Optional.empty();
        }
    }

    public static AggregateVerdict verify(String aggregateId, List<ChainedEvent> stored, List<ChainLink> links) {
        Map<Long, ChainedEvent> events = new TreeMap<>();
        stored.forEach(e -> events.put(e.sequence(), e));
        Map<Long, ChainLink> chain = new TreeMap<>();
        links.forEach(l -> chain.put(l.sequence(), l));
        TreeSet<Long> sequences = new TreeSet<>(events.keySet());
        sequences.addAll(chain.keySet());

        List<String> hashes = new ArrayList<>();
        String previous = EventHash.GENESIS;
        boolean chained = false;
        int unchained = 0;
        long expected = 0;
        for (long sequence : sequences) {
            HistoryBreak found = null;
            ChainedEvent event = events.get(sequence);
            ChainLink link = chain.get(sequence);
            if (sequence > expected) {
                found = new HistoryBreak(aggregateId, expected, HistoryBreak.Kind.EVENT_MISSING,
                        "neither the event nor its link is stored; the next stored sequence is " + sequence);
            } else if (event == null) {
                found = new HistoryBreak(aggregateId, sequence, HistoryBreak.Kind.EVENT_MISSING,
                        "event " + link.eventId() + " was chained but is no longer stored");
            } else if (link == null) {
                if (chained) {
                    found = new HistoryBreak(aggregateId, sequence, HistoryBreak.Kind.LINK_MISSING,
                            "event " + event.eventId() + " has no chain link after chained events");
                } else {
                    unchained++;
                    previous = event.hash(previous);
                }
            } else {
                chained = true;
                if (!link.previousHash().equals(previous)) {
                    found = new HistoryBreak(aggregateId, sequence, HistoryBreak.Kind.LINK_BROKEN,
                            "the link names previous hash " + link.previousHash() + ", the chain computes " + previous);
                } else if (!event.hash(previous).equals(link.hash())) {
                    found = classify(aggregateId, event, link, events, chain);
                } else {
                    previous = link.hash();
                }
            }
            if (found != null) {
                return new AggregateVerdict(aggregateId, events.size(), unchained, hashes, Optional.of(found));
            }
            hashes.add(previous);
            expected = sequence + 1;
        }
        return new AggregateVerdict(aggregateId, events.size(), unchained, hashes, Optional.empty());
    }

    /** The stored event does not hash to its link: say whether it moved or was changed. */
    private static HistoryBreak classify(String aggregateId, ChainedEvent event, ChainLink link,
                                         Map<Long, ChainedEvent> events, Map<Long, ChainLink> chain) {
        long sequence = event.sequence();
        if (!event.eventId().equals(link.eventId())) {
            for (ChainLink other : chain.values()) {
                if (other.eventId().equals(event.eventId())) {
                    return new HistoryBreak(aggregateId, sequence, HistoryBreak.Kind.ORDER_SWAPPED,
                            "event " + event.eventId() + " is stored at sequence " + sequence
                                    + " but was chained at sequence " + other.sequence());
                }
            }
            return new HistoryBreak(aggregateId, sequence, HistoryBreak.Kind.EVENT_CHANGED,
                    "stored event id " + event.eventId() + " is not the chained " + link.eventId());
        }
        for (long neighbour : new long[] {sequence - 1, sequence + 1}) {
            ChainedEvent other = events.get(neighbour);
            if (other != null && event.withPayload(other.payload()).hash(link.previousHash()).equals(link.hash())) {
                return new HistoryBreak(aggregateId, sequence, HistoryBreak.Kind.ORDER_SWAPPED,
                        "the payload chained at sequence " + sequence + " is stored at sequence " + neighbour);
            }
        }
        return new HistoryBreak(aggregateId, sequence, HistoryBreak.Kind.EVENT_CHANGED,
                "event " + event.eventId() + " (" + event.eventType() + ") no longer hashes to its link "
                        + link.hash());
    }

    /** A Kafka record checked against the verified link of its event; empty when it is the chained event. */
    public static Optional<HistoryBreak> verifyRecord(ChainedEvent record, String headerHash, ChainLink link) {
        if (!record.eventId().equals(link.eventId())) {
            return Optional.of(new HistoryBreak(record.aggregateId(), record.sequence(),
                    HistoryBreak.Kind.KAFKA_RECORD_REWRITTEN,
                    "the record carries event id " + record.eventId() + ", the store chained " + link.eventId()));
        }
        if (!record.hash(link.previousHash()).equals(link.hash())) {
            return Optional.of(new HistoryBreak(record.aggregateId(), record.sequence(),
                    HistoryBreak.Kind.KAFKA_RECORD_REWRITTEN,
                    "the record's content does not hash to the stored link " + link.hash()));
        }
        if (headerHash != null && !headerHash.equals(link.hash())) {
            return Optional.of(new HistoryBreak(record.aggregateId(), record.sequence(),
                    HistoryBreak.Kind.KAFKA_RECORD_REWRITTEN,
                    "the record's chainHash header " + headerHash + " is not the stored link " + link.hash()));
        }
        return Optional.empty();
    }
}
