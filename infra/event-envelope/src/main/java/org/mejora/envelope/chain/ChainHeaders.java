package org.mejora.envelope.chain;

/**
 * Kafka record headers that carry an event's chain link (lowercase hex). Additive: records published before chaining
 * was enabled have neither, and readers of the envelope ignore both.
 */
public final class ChainHeaders {

    public static final String HASH = "chainHash";
    public static final String PREVIOUS_HASH = "chainPreviousHash";

    private ChainHeaders() {
    }
}
