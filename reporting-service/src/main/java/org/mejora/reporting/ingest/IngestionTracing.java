package org.mejora.reporting.ingest;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Spans of the live ingestion. Each applied batch is one span (a trace of its own: its records come from many
 * commands) linked to the trace of every record; each record gets a span in its command's trace, child of the
 * producer's send (the {@code traceparent} header), covering the batch transaction that applied it. A record without
 * that header (sent before traces existed) has only its link-less batch span.
 */
@Component
public class IngestionTracing {

    private static final Logger log = LoggerFactory.getLogger(IngestionTracing.class);

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;

    IngestionTracing(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    /** Runs {@code apply}, the batch's one transaction, inside the batch's and the records' spans. */
    public <T> T batch(List<ConsumerRecord<String, byte[]>> records, Supplier<T> apply) {
        Tracer tracer = tracers.getIfAvailable();
        Propagator propagator = propagators.getIfAvailable();
        if (tracer == null || propagator == null || records.isEmpty()) {
            return apply.get();
        }
        List<Span> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> traced = new ArrayList<>(records.size());
        Span.Builder batchBuilder = tracer.spanBuilder().setNoParent().name("reporting apply batch")
                .kind(Span.Kind.CONSUMER).tag("messaging.batch.message_count", records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.headers().lastHeader("traceparent") == null) {
                continue;
            }
            Span event = propagator.extract(record, IngestionTracing::header)
                    .name("reporting apply " + text(record.headers().lastHeader("eventType")))
                    .kind(Span.Kind.CONSUMER)
                    .remoteServiceName("kafka")
                    .tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", record.topic())
                    .tag("messaging.kafka.partition", record.partition())
                    .tag("messaging.kafka.offset", record.offset())
                    .tag("mejora.event.id", text(record.headers().lastHeader("eventId")))
                    .start();
            events.add(event);
            traced.add(record);
            batchBuilder = batchBuilder.addLink(new Link(event.context()));
        }
        Span batch = batchBuilder.start();
        try (Tracer.SpanInScope inBatch = tracer.withSpan(batch)) {
            return apply.get();
        } catch (RuntimeException e) {
            batch.error(e);
            events.forEach(event -> event.error(e));
            throw e;
        } finally {
            TraceContext batchContext = batch.context();
            for (int i = 0; i < events.size(); i++) {
                Span event = events.get(i);
                ConsumerRecord<String, byte[]> record = traced.get(i);
                // In the command's trace, so that its trace id leads to this line too.
                try (Tracer.SpanInScope inEvent = tracer.withSpan(event)) {
                    log.debug("applied {} {} from {}-{}@{} in batch {} ({} records)",
                            text(record.headers().lastHeader("eventType")),
                            text(record.headers().lastHeader("eventId")), record.topic(), record.partition(),
                            record.offset(), batchContext.traceId(), records.size());
                }
                event.end();
            }
            batch.end();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return header == null ? "event" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
