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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Valid envelopes as plan-service and evaluation-service publish them, written straight to the bench broker's topics
 * (keyed by aggregate id, sequences from 0 without gaps, with the payload fields of plan-api and evaluation-api).
 * A plan walk is a creation, two findings, two actions and five follow-ups; an evaluation walk is a cycle with four
 * servants assigned and each servant's evaluation up to the first follow-up. Many walks run at once and their events
 * interleave over every aggregate and both topics in a seeded random order, as many people working at once would
 * publish them (never runs of one aggregate: the worst case for a batch's locality). Their times lie in the past, so
 * a time-travel query can ask for any instant inside them.
 */
final class SyntheticEvents {

    static final String TOPIC = "mejora.plan.events";
    static final String EVALUATION_TOPIC = "mejora.evaluation.events";
    static final int EVENTS_PER_PLAN = 10;
    static final int SERVANTS_PER_CYCLE = 4;
    /** Walks in progress at once: each event comes from one of them at random. */
    static final int CONCURRENT_WALKS = 2_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Instant origin;
    private final Random random = new Random(42);
    private final List<Deque<EventEnvelope>> walks = new ArrayList<>();
    private long walksStarted;

    /** A sample plan of the written ones, for the audit reads: its id, an action id and an instant inside it. */
    record Sample(String planId, String actionId, String institution, Instant middle) {
    }

    private volatile Sample sample;
    /** The plans in progress, by id: the first one written in full becomes the sample. */
    private final Map<String, Sample> candidates = new HashMap<>();

    SyntheticEvents(Instant origin) {
        this.origin = origin;
    }

    /**
     * Writes {@code events} more events, interleaved over the walks in progress (a walk cut off at the end goes on
     * in the next call, so every aggregate stays gapless); returns the events written.
     */
    long produce(String bootstrap, long events) throws Exception {
        Map<String, Object> properties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long e = 0; e < events; e++) {
                EventEnvelope envelope = next();
                String topic = envelope.aggregateType().equals("Plan") ? TOPIC : EVALUATION_TOPIC;
                producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), codec.write(envelope)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return events;
    }

    /** The next event of a walk picked at random; finished walks are replaced by new ones. */
    EventEnvelope next() {
        while (walks.size() < CONCURRENT_WALKS) {
            long index = walksStarted++;
            // Two plan walks for each evaluation walk: plans are the bulk of an institution's events.
            if (index % 3 == 2) {
                walks.addAll(evaluation(index).stream().map(list -> (Deque<EventEnvelope>) new ArrayDeque<>(list))
                        .toList());
            } else {
                walks.add(new ArrayDeque<>(List.of(plan(index))));
            }
        }
        int pick = random.nextInt(walks.size());
        Deque<EventEnvelope> walk = walks.get(pick);
        EventEnvelope event = walk.poll();
        if (walk.isEmpty()) {
            Sample finished = candidates.remove(event.aggregateId());
            if (sample == null && finished != null) {
                sample = finished;
            }
            walks.set(pick, walks.get(walks.size() - 1));
            walks.remove(walks.size() - 1);
        }
        return event;
    }

    Sample sample() {
        return sample;
    }

    EventEnvelope[] plan(long index) {
        String planId = UUID.nameUUIDFromBytes(("bench-plan-" + index).getBytes()).toString();
        String institution = "bench-synthetic-" + (index % 20);
        Actor owner = new Actor("owner-s" + index, "PLAN_OWNER", "Responsable " + index);
        String correlation = UUID.randomUUID().toString();
        Instant start = origin.plusMillis(index * 20);
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
        candidates.put(planId, new Sample(planId, actions[0], institution, start.plusMillis(5)));
        return out;
    }

    /**
     * A cycle (opened, then its servants assigned) and each servant's evaluation up to the first follow-up accepted:
     * one list per aggregate, each in sequence order.
     */
    List<List<EventEnvelope>> evaluation(long index) {
        String cycleId = UUID.nameUUIDFromBytes(("bench-cycle-" + index).getBytes()).toString();
        String institution = "bench-synthetic-" + (index % 20);
        Actor hr = new Actor("hr-s" + index, "HR", "Talento Humano " + index);
        Actor supervisor = new Actor("jefe-s" + index, "SUPERVISOR", "Jefe Inmediato " + index);
        Instant start = origin.plusMillis(index * 20);
        String correlation = UUID.randomUUID().toString();
        ArrayNode scale = NODES.arrayNode();
        scale.addObject().put("name", "No satisfactorio").put("minScore", new BigDecimal("0"))
                .put("maxScore", new BigDecimal("65"));
        scale.addObject().put("name", "Satisfactorio").put("minScore", new BigDecimal("65"))
                .put("maxScore", new BigDecimal("90"));
        scale.addObject().put("name", "Sobresaliente").put("minScore", new BigDecimal("90"))
                .put("maxScore", new BigDecimal("100"));
        List<EventEnvelope> cycle = new ArrayList<>();
        ObjectNode opened = NODES.objectNode().put("cycleId", cycleId).put("institutionId", institution)
                .put("year", 2023).put("name", "Evaluación de la gestión institucional 2023");
        ArrayNode stages = opened.putArray("stages");
        stages.addObject().put("stage", "FORMULATION").put("deadline", "2023-03-31");
        stages.addObject().put("stage", "SELF_EVALUATION_I").put("deadline", "2023-07-31");
        stages.addObject().put("stage", "SELF_EVALUATION_II").put("deadline", "2024-02-28");
        opened.set("scale", scale.deepCopy());
        opened.put("goalsWeight", new BigDecimal("0.8")).put("competenciesWeight", new BigDecimal("0.2"))
                .put("thresholdLevel", "No satisfactorio");
        opened.putArray("competencies").add("Orientación a resultados").add("Trabajo en equipo");
        cycle.add(envelope("CycleOpened", "EvaluationCycle", cycleId, 0, start, institution, hr, correlation, opened));
        List<List<EventEnvelope>> out = new ArrayList<>();
        out.add(cycle);
        for (int s = 0; s < SERVANTS_PER_CYCLE; s++) {
            String evaluationId = UUID.nameUUIDFromBytes(("bench-evaluation-" + index + "-" + s).getBytes())
                    .toString();
            String servant = "servant-s" + index + "-" + s;
            String name = "Servidor " + index + "-" + s;
            Actor servantActor = new Actor(servant, "SERVANT", name);
            cycle.add(envelope("ServantAssigned", "EvaluationCycle", cycleId, cycle.size(),
                    start.plusMillis(cycle.size()), institution, hr, correlation, NODES.objectNode()
                            .put("cycleId", cycleId).put("evaluationId", evaluationId).put("servantId", servant)
                            .put("servantName", name).put("supervisorId", supervisor.userId())
                            .put("supervisorName", supervisor.name())));
            List<EventEnvelope> evaluation = new ArrayList<>();
            ObjectNode evaluationOpened = NODES.objectNode().put("evaluationId", evaluationId)
                    .put("cycleId", cycleId).put("institutionId", institution).put("year", 2023)
                    .put("servantId", servant).put("servantName", name).put("supervisorId", supervisor.userId())
                    .put("supervisorName", supervisor.name());
            evaluationOpened.set("scale", scale.deepCopy());
            evaluationOpened.put("goalsWeight", new BigDecimal("0.8")).put("competenciesWeight", new BigDecimal("0.2"))
                    .put("thresholdLevel", "No satisfactorio").put("threshold", new BigDecimal("65"));
            evaluationOpened.putArray("competencies").add("Orientación a resultados");
            ObjectNode goals = NODES.objectNode().put("evaluationId", evaluationId);
            goals.putArray("goals").addObject().put("number", 1).put("description", "Consolidar el plan de acción")
                    .put("deliverable", "Informe").put("weight", new BigDecimal("100"))
                    .put("agreedPercentI", new BigDecimal("50")).put("agreedPercentII", new BigDecimal("100"));
            ObjectNode compliance = NODES.objectNode().put("evaluationId", evaluationId).put("followUp", "I");
            compliance.putArray("compliance").addObject().put("goalNumber", 1)
                    .put("compliancePercent", new BigDecimal("45")).put("evidence", "Informe de gestión");
            Object[][] steps = {
                    {"EvaluationOpened", hr, evaluationOpened},
                    {"GoalsSubmitted", servantActor, goals},
                    {"GoalsApproved", supervisor, NODES.objectNode().put("evaluationId", evaluationId)},
                    {"GoalsAccepted", servantActor, NODES.objectNode().put("evaluationId", evaluationId)},
                    {"SelfEvaluationSubmitted", servantActor, compliance},
                    {"SelfEvaluationApproved", supervisor, NODES.objectNode().put("evaluationId", evaluationId)
                            .put("followUp", "I")},
                    {"SelfEvaluationAccepted", servantActor, NODES.objectNode().put("evaluationId", evaluationId)
                            .put("followUp", "I")}};
            for (Object[] step : steps) {
                evaluation.add(envelope((String) step[0], "Evaluation", evaluationId, evaluation.size(),
                        start.plusMillis(5 + evaluation.size()), institution, (Actor) step[1], correlation,
                        (ObjectNode) step[2]));
            }
            out.add(evaluation);
        }
        return out;
    }

    private EventEnvelope envelope(String type, String planId, long sequence, Instant at, String institution,
                                   Actor actor, String correlation, ObjectNode payload) {
        return envelope(type, "Plan", planId, sequence, at, institution, actor, correlation, payload);
    }

    private EventEnvelope envelope(String type, String aggregateType, String aggregateId, long sequence, Instant at,
                                   String institution, Actor actor, String correlation, ObjectNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, aggregateType, aggregateId, sequence, at, institution,
                actor, correlation, UUID.randomUUID().toString(), payload);
    }
}
