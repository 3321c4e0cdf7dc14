package org.mejora.envelope.axon;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.mejora.envelope.EventMetadata;
import org.springframework.beans.factory.ObjectProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Stores the W3C trace context with every message dispatched while a command (or an event) is handled: the
 * current span's (the HTTP request's, or the Kafka record's that caused the command), or else the one the handled
 * message carries. The forwarder publishes the events later, on a processor thread, and continues that trace there
 * ({@link ForwardTracing}).
 */
public class TraceCorrelation implements CorrelationDataProvider {

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;

    public TraceCorrelation(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, String> context = new HashMap<>();
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        TraceContext current = tracer == null ? null : tracer.currentTraceContext().context();
        if (current != null && propagator != null) {
            propagator.inject(current, context, Map::put);
        } else {
            copy(message, EventMetadata.TRACE_PARENT, context);
            copy(message, EventMetadata.TRACE_STATE, context);
        }
        // Only the trace context: baggage would repeat what the metadata already says.
        context.keySet().retainAll(java.util.List.of(EventMetadata.TRACE_PARENT, EventMetadata.TRACE_STATE));
        return context;
    }

    private static void copy(Message<?> message, String key, Map<String, String> into) {
        if (message.getMetaData().get(key) instanceof String value && !value.isBlank()) {
            into.put(key, value);
        }
    }
}
