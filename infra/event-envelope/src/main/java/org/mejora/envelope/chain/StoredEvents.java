package org.mejora.envelope.chain;

import com.fasterxml.jackson.databind.JsonNode;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EventMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads events as Axon's JDBC engine stores them ({@code domain_event_entry}, JSON payload and metadata). */
public final class StoredEvents {

    /** The columns {@link #read} expects, in this order. */
    public static final String COLUMNS = "event_identifier, payload_type, type, aggregate_identifier, sequence_number, "
            + "time_stamp, meta_data, payload";

    private StoredEvents() {
    }

    public static ChainedEvent read(ResultSet row) throws SQLException {
        return of(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                ChainedEvent.millis(row.getString(6)), row.getBytes(7), row.getBytes(8));
    }

    /** One stored event from its columns; metadata and payload are the serialized JSON bytes. */
    public static ChainedEvent of(String eventId, String payloadType, String aggregateType, String aggregateId,
                                  long sequence, long occurredAtMillis, byte[] metaData, byte[] payload) {
        JsonNode meta = tree(metaData);
        Actor actor = new Actor(text(meta, EventMetadata.ACTOR_ID), text(meta, EventMetadata.ACTOR_ROLE),
                text(meta, EventMetadata.ACTOR_NAME));
        return new ChainedEvent(eventId, ChainedEvent.eventType(payloadType), aggregateType, aggregateId, sequence,
                occurredAtMillis, text(meta, EventMetadata.INSTITUTION_ID), actor, tree(payload));
    }

    private static JsonNode tree(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return ChainJson.MAPPER.nullNode();
        }
        try {
            return ChainJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is not readable", e);
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
