package org.mejora.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One domain event on Kafka: the record value of every message on {@code mejora.*.events}. The key of the record is
 * {@link #aggregateId()}, so the events of one aggregate keep their order within a partition.
 *
 * @param eventId        unique id; consumers deduplicate by it
 * @param eventType      simple name of the event, e.g. {@code ActionProgressRecorded}
 * @param schemaVersion  the event's revision; a consumer that knows only older ones reports the event, never guesses
 * @param aggregateType  e.g. {@code Plan}
 * @param aggregateId    the aggregate the event belongs to
 * @param sequence       the event's position in its aggregate's stream, from 0 without gaps
 * @param occurredAt     when the event was stored
 * @param institutionId  the institution whose data this is
 * @param actor          who caused it
 * @param correlationId  the request that started the chain (the gateway's correlation id)
 * @param causationId    the message that caused this event (usually a command)
 * @param payload        the event's own fields
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        String institutionId,
        Actor actor,
        String correlationId,
        String causationId,
        JsonNode payload) {
}
