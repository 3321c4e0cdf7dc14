package org.mejora.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/** JSON of envelopes and their payloads. Unknown fields are ignored so that additive changes never break readers. */
public final class EnvelopeCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write envelope " + envelope.eventId(), e);
        }
    }

    /** @throws MalformedEnvelopeException when the bytes are not an envelope */
    public EventEnvelope read(byte[] json) {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.eventType() == null || envelope.aggregateId() == null) {
                throw new MalformedEnvelopeException("envelope without eventId, eventType or aggregateId");
            }
            return envelope;
        } catch (IOException e) {
            throw new MalformedEnvelopeException("not an event envelope: " + e.getMessage());
        }
    }

    public JsonNode toTree(Object payload) {
        return mapper.valueToTree(payload);
    }

    /** The payload as the event record of the consumer's published-language module. */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEnvelopeException(
                    "payload of " + envelope.eventType() + " " + envelope.eventId() + " is not readable: "
                            + e.getOriginalMessage());
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Thrown for bytes that cannot be read as an envelope or payload. */
    public static class MalformedEnvelopeException extends RuntimeException {
        public MalformedEnvelopeException(String message) {
            super(message);
        }
    }
}
