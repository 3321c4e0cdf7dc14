package org.mejora.reporting.ingest;

import org.mejora.envelope.EventEnvelope;

import java.util.List;

/**
 * A read model built from events. It is opened once per batch, inside the transaction that records the batch's
 * events as processed: it may read what the batch needs at once and write its rows at the end.
 */
public interface Projection {

    /** @param events the batch's events, in order; events drained from the parked ones may follow */
    Batch open(List<EventEnvelope> events);

    /** One batch's worth of changes, written to the database by {@link #flush()}. */
    interface Batch {

        /**
         * @param understood false for an event of an unknown type or a newer schema version: it is recorded, but its
         *                   payload is not interpreted
         */
        void apply(EventEnvelope event, boolean understood);

        void flush();
    }
}
