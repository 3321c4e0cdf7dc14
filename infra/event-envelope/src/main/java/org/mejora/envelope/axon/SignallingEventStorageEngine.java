package org.mejora.envelope.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;

/** The store, plus a {@link CommitSignals} signal for every append, given once the append's transaction commits. */
public class SignallingEventStorageEngine extends DelegatingEventStorageEngine {

    private final CommitSignals signals;

    public SignallingEventStorageEngine(EventStorageEngine delegate, CommitSignals signals) {
        super(delegate);
        this.signals = signals;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
        if (!events.isEmpty()) {
            signals.appended();
        }
    }
}
