package org.mejora.envelope;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeCodecTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    record ActionProgressRecorded(String planId, String actionId, int percent, String evidence) {
    }

    private EventEnvelope envelope(Object payload) {
        return new EventEnvelope(UUID.randomUUID(), "ActionProgressRecorded", 1, "Plan", "plan-1", 7,
                Instant.parse("2026-11-24T10:15:30.123Z"), "alcaldia-calica",
                new Actor("lhernandez", "PLAN_OWNER", "Luz Andrea Hernández Tejedor"), "req-1", "cmd-1",
                codec.toTree(payload));
    }

    @Test
    void anEnvelopeReadsBackExactlyAsItWasWritten() {
        EventEnvelope written = envelope(new ActionProgressRecorded("plan-1", "a-1", 75, "Acta No. 3"));

        assertThat(codec.read(codec.write(written))).isEqualTo(written);
    }

    @Test
    void thePayloadReadsAsTheConsumersRecord() {
        EventEnvelope read = codec.read(codec.write(envelope(new ActionProgressRecorded("plan-1", "a-1", 75, "Acta"))));

        assertThat(codec.payload(read, ActionProgressRecorded.class))
                .isEqualTo(new ActionProgressRecorded("plan-1", "a-1", 75, "Acta"));
    }

    @Test
    void aFieldAddedByANewerProducerDoesNotBreakAnOlderReader() {
        EventEnvelope read = codec.read(codec.write(envelope(Map.of("planId", "plan-1", "actionId", "a-1",
                "percent", 50, "evidence", "Acta", "addedLater", "ignored"))));

        assertThat(codec.payload(read, ActionProgressRecorded.class).percent()).isEqualTo(50);
    }

    @Test
    void bytesThatAreNoEnvelopeAreRejectedAsMalformed() {
        assertThatThrownBy(() -> codec.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EnvelopeCodec.MalformedEnvelopeException.class);
        assertThatThrownBy(() -> codec.read("{\"eventType\":\"PlanCreated\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EnvelopeCodec.MalformedEnvelopeException.class)
                .hasMessageContaining("eventId");
    }
}
