package org.mejora.bench;

import org.junit.jupiter.api.Test;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanEvent;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticEventsTest {

    private static final Map<String, Class<? extends PlanEvent>> TYPES = Map.of(
            "PlanCreated", PlanCreated.class, "FindingAdded", FindingAdded.class, "ActionAdded", ActionAdded.class,
            "ActionProgressRecorded", ActionProgressRecorded.class);

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void everySyntheticPayloadReadsAsThePublishedPlanEvent() {
        for (EventEnvelope envelope : new SyntheticEvents(Instant.parse("2021-01-01T00:00:00Z")).plan(7)) {
            EventEnvelope wire = codec.read(codec.write(envelope));
            PlanEvent event = codec.payload(wire, TYPES.get(wire.eventType()));
            assertThat(event).isNotNull();
        }
    }

    @Test
    void aPlanIsOneAggregateStreamWithoutGapsInTimeOrder() {
        EventEnvelope[] plan = new SyntheticEvents(Instant.parse("2021-01-01T00:00:00Z")).plan(3);

        assertThat(plan).hasSize(SyntheticEvents.EVENTS_PER_PLAN);
        assertThat(Arrays.stream(plan).map(EventEnvelope::aggregateId).distinct()).hasSize(1);
        for (int i = 0; i < plan.length; i++) {
            assertThat(plan[i].sequence()).isEqualTo(i);
            assertThat(plan[i].aggregateType()).isEqualTo("Plan");
        }
        assertThat(plan[0].eventType()).isEqualTo("PlanCreated");
        assertThat(plan[plan.length - 1].occurredAt()).isAfter(plan[0].occurredAt());
    }

    @Test
    void followUpsRecordTheProgressTheyReplace() {
        EventEnvelope[] plan = new SyntheticEvents(Instant.parse("2021-01-01T00:00:00Z")).plan(0);
        Map<String, Integer> last = new java.util.HashMap<>();
        for (EventEnvelope envelope : plan) {
            if (envelope.eventType().equals("ActionProgressRecorded")) {
                ActionProgressRecorded progress = codec.payload(envelope, ActionProgressRecorded.class);
                assertThat(progress.previousPercent()).isEqualTo(last.getOrDefault(progress.actionId(), 0));
                last.put(progress.actionId(), progress.percent());
            }
        }
        assertThat(last).hasSize(2);
    }
}
