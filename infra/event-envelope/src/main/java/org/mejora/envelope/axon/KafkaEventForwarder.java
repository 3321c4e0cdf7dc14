package org.mejora.envelope.axon;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.envelope.EventMetadata;
import org.mejora.envelope.chain.ChainHeaders;
import org.mejora.envelope.chain.ChainLink;
import org.mejora.envelope.chain.EventChain;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forwards every stored event to Kafka, at least once. Registered in a streaming processor whose token lives in the
 * same database as the events: the token only moves after Kafka acknowledged every record of the batch
 * ({@code acks=all}), so no committed event is skipped, and a crash between send and token update re-sends events
 * that consumers then deduplicate by id.
 */
public class KafkaEventForwarder {

    private static final String PENDING_SENDS = KafkaEventForwarder.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final EnvelopeCodec codec;
    private final long ackTimeoutSeconds;

    private final ConnectionProvider connections;
    private final EventChain chain = new EventChain();

    /** @param connections the event store's database, where each event's chain link is read from */
    public KafkaEventForwarder(KafkaTemplate<String, byte[]> kafka, String topic, EnvelopeCodec codec,
                               long ackTimeoutSeconds, ConnectionProvider connections) {
        this.kafka = kafka;
        this.topic = topic;
        this.codec = codec;
        this.ackTimeoutSeconds = ackTimeoutSeconds;
        this.connections = connections;
    }

    @EventHandler
    public void forward(Object payload, EventMessage<?> message) {
        EventEnvelope envelope = envelope(payload, message);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, envelope.aggregateId(), codec.write(envelope));
        record.headers().add("eventType", envelope.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        chainLink(envelope.eventId().toString()).ifPresent(link -> {
            record.headers().add(ChainHeaders.HASH, link.hash().getBytes(StandardCharsets.US_ASCII));
            record.headers().add(ChainHeaders.PREVIOUS_HASH, link.previousHash().getBytes(StandardCharsets.US_ASCII));
        });
        pendingSends().add(kafka.send(record));
    }

    EventEnvelope envelope(Object payload, EventMessage<?> message) {
        MetaData meta = message.getMetaData();
        String aggregateType = "none";
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object requestId = meta.getOrDefault(EventMetadata.REQUEST_ID, meta.get(EventMetadata.AXON_TRACE));
        return new EventEnvelope(
                UUID.fromString(message.getIdentifier()),
                payload.getClass().getSimpleName(),
                schemaVersion(payload.getClass()),
                aggregateType,
                aggregateId,
                sequence,
                message.getTimestamp(),
                text(meta.get(EventMetadata.INSTITUTION_ID)),
                new Actor(text(meta.get(EventMetadata.ACTOR_ID)), text(meta.get(EventMetadata.ACTOR_ROLE)),
                        text(meta.get(EventMetadata.ACTOR_NAME))),
                text(requestId),
                text(meta.get(EventMetadata.AXON_CAUSATION)),
                codec.toTree(payload));
    }

    /** Events stored before chaining was enabled have no link until their aggregate is chained: sent without. */
    private Optional<ChainLink> chainLink(String eventId) {
        try (Connection connection = connections.getConnection()) {
            return chain.linkOfEvent(connection, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the chain link of event " + eventId, e);
        }
    }

    /** Sends of one batch, awaited together before the batch (and its token) commits. */
    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ackTimeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            // Failing the batch leaves the token where it was: the processor retries the same events.
            throw new IllegalStateException("Kafka did not acknowledge the batch on " + topic, e);
        }
    }

    private static int schemaVersion(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        if (revision == null) {
            return 1;
        }
        try {
            return Integer.parseInt(revision.value());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(type.getName() + " must use a numeric @Revision", e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
