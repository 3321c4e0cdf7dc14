package org.mejora.bench;

import org.junit.jupiter.api.Test;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanEvent;

import org.mejora.evaluation.api.CycleOpened;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.GoalsAccepted;
import org.mejora.evaluation.api.GoalsApproved;
import org.mejora.evaluation.api.GoalsSubmitted;
import org.mejora.evaluation.api.SelfEvaluationAccepted;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.SelfEvaluationSubmitted;
import org.mejora.evaluation.api.ServantAssigned;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticEventsTest {

    private static final Map<String, Class<? extends PlanEvent>> TYPES = Map.of(
            "PlanCreated", PlanCreated.class, "FindingAdded", FindingAdded.class, "ActionAdded", ActionAdded.class,
            "ActionProgressRecorded", ActionProgressRecorded.class);

    private static final Map<String, Class<? extends Record>> EVALUATION_TYPES = Map.of(
            "CycleOpened", CycleOpened.class, "ServantAssigned", ServantAssigned.class,
            "EvaluationOpened", EvaluationOpened.class, "GoalsSubmitted", GoalsSubmitted.class,
            "GoalsApproved", GoalsApproved.class, "GoalsAccepted", GoalsAccepted.class,
            "SelfEvaluationSubmitted", SelfEvaluationSubmitted.class,
            "SelfEvaluationApproved", SelfEvaluationApproved.class,
            "SelfEvaluationAccepted", SelfEvaluationAccepted.class);

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void everySyntheticEvaluationPayloadReadsAsThePublishedEvaluationEvent() {
        for (List<EventEnvelope> aggregate : new SyntheticEvents(Instant.parse("2021-01-01T00:00:00Z")).evaluation(2)) {
            for (EventEnvelope envelope : aggregate) {
                EventEnvelope wire = codec.read(codec.write(envelope));
                assertThat(codec.payload(wire, EVALUATION_TYPES.get(wire.eventType()))).isNotNull();
            }
        }
    }

    @Test
    void eventsInterleaveOverManyAggregatesOfBothTopicsEachWithoutGaps() {
        SyntheticEvents synthetic = new SyntheticEvents(Instant.parse("2021-01-01T00:00:00Z"));
        Map<String, Long> next = new HashMap<>();
        Set<String> types = new HashSet<>();
        int sameAsPrevious = 0;
        String previous = null;
        for (int i = 0; i < 20_000; i++) {
            EventEnvelope event = synthetic.next();
            String key = event.aggregateType() + ":" + event.aggregateId();
            assertThat(event.sequence()).isEqualTo(next.getOrDefault(key, 0L));
            next.put(key, event.sequence() + 1);
            types.add(event.aggregateType());
            sameAsPrevious += key.equals(previous) ? 1 : 0;
            previous = key;
        }
        assertThat(types).containsExactlyInAnyOrder("Plan", "EvaluationCycle", "Evaluation");
        assertThat(next.size()).isGreaterThan(SyntheticEvents.CONCURRENT_WALKS);
        assertThat(sameAsPrevious).isLessThan(100);
    }

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
