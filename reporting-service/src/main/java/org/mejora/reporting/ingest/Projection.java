package org.mejora.reporting.ingest;

import org.mejora.envelope.EventEnvelope;

/** A read model built from events. Called inside the transaction that records the event as processed. */
public interface Projection {

    void apply(EventEnvelope event);
}
