package org.mejora.reporting.support;

import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The events of one aggregate as its producer would publish them: numbered from 0, with who and where. */
public final class EventStream {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private final String aggregateType;
    private final String aggregateId;
    private final String institution;
    private long sequence;

    public EventStream(String aggregateType, String aggregateId, String institution) {
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.institution = institution;
    }

    /** The record of a producer's API module as its next event: the type is the record's simple name. */
    public EventEnvelope next(Instant at, Actor actor, Record event) {
        return new EventEnvelope(UUID.randomUUID(), event.getClass().getSimpleName(), 1, aggregateType, aggregateId,
                sequence++, at, institution, actor, "corr-" + aggregateId, UUID.randomUUID().toString(),
                CODEC.toTree(event));
    }

    public EventEnvelope next(String type, Instant at, Actor actor, Object... fields) {
        return at(sequence++, type, 1, at, actor, fields);
    }

    /** An event at an explicit position and schema version, for gaps and newer versions. */
    public EventEnvelope at(long position, String type, int version, Instant at, Actor actor, Object... fields) {
        return new EventEnvelope(UUID.randomUUID(), type, version, aggregateType, aggregateId, position, at,
                institution, actor, "corr-" + aggregateId, UUID.randomUUID().toString(), CODEC.toTree(fields(fields)));
    }

    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    public static Actor actor(String userId, String role, String name) {
        return new Actor(userId, role, name);
    }
}
