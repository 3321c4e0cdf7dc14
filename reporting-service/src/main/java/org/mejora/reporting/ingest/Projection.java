package org.mejora.reporting.ingest;

import org.mejora.envelope.EventEnvelope;

/** A read model built from events. Called inside the transaction that records the event as processed. */
public interface Projection {

    /**
     * @param understood false for an event of an unknown type or a newer schema version: it is recorded, but its
     *                   payload is not interpreted
     */
    void apply(EventEnvelope event, boolean understood);
}
