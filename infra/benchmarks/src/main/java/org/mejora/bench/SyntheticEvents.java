package org.mejora.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Valid envelopes of plan life cycles, written straight to the bench broker's plan topic as plan-service would
 * (keyed by plan id, sequences from 0 without gaps): per plan a creation, two findings, two actions and five
 * follow-ups, with the payload fields of plan-api. Their times lie in the past, one millisecond apart, so a
 * time-travel query can ask for any instant inside them.
 */
final class SyntheticEvents {

    static final String TOPIC = "mejora.plan.events";
    static final int EVENTS_PER_PLAN = 10;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Instant origin;
    private long plansWritten;

    /** A sample plan of the written ones, for the audit reads: its id, an action id and an instant inside it. */
    record Sample(String planId, String actionId, String institution, Instant middle) {
    }

    private volatile Sample sample;

    SyntheticEvents(Instant origin) {
        this.origin = origin;
    }

    /** Writes {@code events} more events (whole plans); returns the events written. */
    long produce(String bootstrap, long events) throws Exception {
        Map<String, Object> properties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        long plans = Math.max(1, events / EVENTS_PER_PLAN);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long p = 0; p < plans; p++) {
                long index = plansWritten++;
                for (EventEnvelope envelope : plan(index)) {
                    producer.send(new ProducerRecord<>(TOPIC, envelope.aggregateId(), codec.write(envelope)),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return plans * EVENTS_PER_PLAN;
    }

    Sample sample() {
        return sample;
    }

    EventEnvelope[] plan(long index) {
        String planId = UUID.nameUUIDFromBytes(("bench-plan-" + index).getBytes()).toString();
        String institution = "bench-synthetic-" + (index % 20);
        Actor owner = new Actor("owner-s" + index, "PLAN_OWNER", "Responsable " + index);
        String correlation = UUID.randomUUID().toString();
        Instant start = origin.plusMillis(index * EVENTS_PER_PLAN);
        String[] findings = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String[] actions = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        EventEnvelope[] out = new EventEnvelope[EVENTS_PER_PLAN];
        int seq = 0;
        ObjectNode created = NODES.objectNode().put("planId", planId).put("institutionId", institution)
                .put("kind", "AUDIT").put("title", "Plan de mejoramiento " + index)
                .put("institutionName", "ALCALDIA MUNICIPAL DE CALICA").put("auditedProcess", "Gestión Estratégica")
                .put("procedures", "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO")
                .put("responsible", "Directora de Planeación Estratégica").put("formatCode", "GEM-FM014")
                .put("formatVersion", "02").put("period", "2021");
        created.putNull("subscriptionDate");
        created.putNull("individual");
        out[seq] = envelope("PlanCreated", planId, seq, start, institution, owner, correlation, created);
        seq++;
        for (int f = 0; f < 2; f++) {
            ObjectNode finding = NODES.objectNode().put("planId", planId).put("findingId", findings[f])
                    .put("number", Integer.toString(f + 1))
                    .put("description", "Debilidad en el seguimiento de los indicadores " + (f + 1))
                    .put("improvementArea", "Seguimiento y evaluación");
            finding.putObject("source").put("type", "AUDIT").putNull("criterion").putNull("subcriterion")
                    .putNull("factor");
            out[seq] = envelope("FindingAdded", planId, seq, start.plusMillis(seq), institution, owner,
                    correlation, finding);
            seq++;
        }
        for (int a = 0; a < 2; a++) {
            ObjectNode action = NODES.objectNode().put("planId", planId).put("findingId", findings[a])
                    .put("actionId", actions[a]);
            ObjectNode details = action.putObject("details").put("number", (a + 1) + ".1")
                    .put("name", "Actualizar el procedimiento de seguimiento")
                    .put("description", "Revisar y ajustar GES-PR011").put("objective", "Seguimiento trimestral")
                    .put("goalIndicator", "Procedimiento actualizado").put("resources", "Humanos")
                    .put("responsibleUnit", "Planeación").put("responsibleRole", "Directora de Planeación")
                    .put("technicalDirection", "Planeación").put("start", "2021-06").put("end", "2021-12")
                    .put("scheduledMonths", 6).put("comments", "");
            ArrayNode tasks = details.putArray("tasks");
            tasks.addObject().put("number", 1).put("description", "Reunión con las áreas claves");
            out[seq] = envelope("ActionAdded", planId, seq, start.plusMillis(seq), institution, owner,
                    correlation, action);
            seq++;
        }
        // Follow-ups alternate between the two actions: the first goes 25, 50, 75 %, the second 50, 100 %.
        int[] percents = {25, 50, 50, 100, 75};
        int[] previous = {0, 0};
        for (int u = 0; u < percents.length; u++) {
            int which = u % 2;
            ObjectNode progress = NODES.objectNode().put("planId", planId).put("actionId", actions[which])
                    .put("percent", percents[u]).put("previousPercent", previous[which])
                    .put("evidence", "Acta de seguimiento " + (u + 1)).put("comment", "Avance según cronograma")
                    .put("recordedOn", "2021-0" + (u + 5) + "-15");
            progress.putNull("reason");
            previous[which] = percents[u];
            out[seq] = envelope("ActionProgressRecorded", planId, seq, start.plusMillis(seq), institution, owner,
                    correlation, progress);
            seq++;
        }
        if (sample == null) {
            sample = new Sample(planId, actions[0], institution, start.plusMillis(5));
        }
        return out;
    }

    private EventEnvelope envelope(String type, String planId, long sequence, Instant at, String institution,
                                   Actor actor, String correlation, ObjectNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, "Plan", planId, sequence, at, institution, actor,
                correlation, UUID.randomUUID().toString(), payload);
    }
}
