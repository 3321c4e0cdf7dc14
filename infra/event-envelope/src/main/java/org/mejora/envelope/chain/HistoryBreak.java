package org.mejora.envelope.chain;

/**
 * Where and how a history stops holding: the aggregate and sequence of the event at fault, and what broke.
 *
 * @param detail a short English explanation naming the evidence (e.g. the other sequence of a swap)
 */
public record HistoryBreak(String aggregateId, long sequence, Kind kind, String detail) {

    public enum Kind {
        /** The stored event's content (payload, type, time, actor, institution) is not what was chained. */
        EVENT_CHANGED,
        /** An event of the chain is no longer in the store (deleted, or cut off after a checkpoint). */
        EVENT_MISSING,
        /** Two events of the aggregate exchanged their sequence numbers or their payloads. */
        ORDER_SWAPPED,
        /** A chain link does not name the hash of its aggregate's previous event: the link table was edited. */
        LINK_BROKEN,
        /** A stored event after the start of its aggregate's chain has no link: inserted outside the service. */
        LINK_MISSING,
        /** A Kafka record differs from the stored, chained event with its id and sequence. */
        KAFKA_RECORD_REWRITTEN,
        /** A Kafka record for an event the store never held. */
        KAFKA_RECORD_UNKNOWN,
        /** A signed checkpoint names a head the recomputed chain does not reach. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint whose signature does not verify, or out of sequence. */
        CHECKPOINT_INVALID
    }

    @Override
    public String toString() {
        return "aggregate " + aggregateId + " sequence " + sequence + ": " + kind + " (" + detail + ")";
    }
}
