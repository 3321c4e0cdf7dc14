package org.mejora.envelope.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EventEnvelope;

import java.time.Instant;

/**
 * What the chain vouches for about one event: the same fields whether read from the event store (at append time or
 * by the verifier) or from a Kafka envelope.
 *
 * @param eventType        simple name of the payload's class, e.g. {@code ActionProgressRecorded}
 * @param occurredAtMillis the stored timestamp in milliseconds since the epoch (the store keeps milliseconds)
 */
public record ChainedEvent(String eventId, String eventType, String aggregateType, String aggregateId, long sequence,
                           long occurredAtMillis, String institutionId, Actor actor, JsonNode payload) {

    /** Version of the canonical form, hashed with it, so that a later form can never collide with this one. */
    public static final int FORM = 1;

    public static ChainedEvent of(EventEnvelope envelope) {
        return new ChainedEvent(envelope.eventId().toString(), envelope.eventType(), envelope.aggregateType(),
                envelope.aggregateId(), envelope.sequence(), envelope.occurredAt().toEpochMilli(),
                envelope.institutionId(), envelope.actor(), envelope.payload());
    }

    /** {@code Outer$Inner} and {@code org.x.Inner} both name the event {@code Inner}, as the envelope does. */
    public static String eventType(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    public static long millis(String storedTimestamp) {
        return Instant.parse(storedTimestamp).toEpochMilli();
    }

    /**
     * The canonical form that is hashed: one JSON object with the members {@code form}, {@code eventId},
     * {@code eventType}, {@code aggregateType}, {@code aggregateId}, {@code sequence}, {@code occurredAt} (epoch
     * milliseconds), {@code institutionId}, {@code actor} ({@code userId}, {@code role}, {@code name}),
     * {@code payload} and {@code previousHash} (lowercase hex), written as {@link CanonicalJson}.
     */
    public byte[] canonicalForm(String previousHash) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode form = nodes.objectNode();
        form.put("form", FORM);
        form.put("eventId", eventId);
        form.put("eventType", eventType);
        form.put("aggregateType", aggregateType);
        form.put("aggregateId", aggregateId);
        form.put("sequence", sequence);
        form.put("occurredAt", occurredAtMillis);
        form.put("institutionId", institutionId);
        ObjectNode who = form.putObject("actor");
        who.put("userId", actor == null ? null : actor.userId());
        who.put("role", actor == null ? null : actor.role());
        who.put("name", actor == null ? null : actor.name());
        form.set("payload", payload == null ? nodes.nullNode() : payload);
        form.put("previousHash", previousHash);
        return CanonicalJson.bytes(form);
    }

    public String hash(String previousHash) {
        return EventHash.sha256(canonicalForm(previousHash));
    }

    public ChainedEvent withSequence(long other) {
        return new ChainedEvent(eventId, eventType, aggregateType, aggregateId, other, occurredAtMillis, institutionId,
                actor, payload);
    }

    public ChainedEvent withPayload(JsonNode other) {
        return new ChainedEvent(eventId, eventType, aggregateType, aggregateId, sequence, occurredAtMillis,
                institutionId, actor, other);
    }
}
