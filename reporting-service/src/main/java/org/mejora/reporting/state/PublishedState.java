package org.mejora.reporting.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.CycleEvent;
import org.mejora.evaluation.api.EvaluationEvent;
import org.mejora.evaluation.api.state.CycleFold;
import org.mejora.evaluation.api.state.CycleState;
import org.mejora.evaluation.api.state.EvaluationFacts;
import org.mejora.evaluation.api.state.EvaluationFold;
import org.mejora.evaluation.api.state.EvaluationState;
import org.mejora.plan.api.PlanEvent;
import org.mejora.plan.api.state.ActionStatus;
import org.mejora.plan.api.state.EntityFacts;
import org.mejora.plan.api.state.PlanFacts;
import org.mejora.plan.api.state.PlanFold;
import org.mejora.plan.api.state.PlanState;
import org.mejora.reporting.ingest.EventCatalog;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The producers' own definition of what an event does (plan-api's {@link PlanFold}, evaluation-api's
 * {@link EvaluationFold} and {@link CycleFold}), applied to the published state of each aggregate that reporting
 * keeps, and the fields it decides for each entity of it: reporting never decides a status itself.
 */
public final class PublishedState {

    /** The values each entity type's published state decides, removed from the entity when they are null. */
    private static final Map<String, List<String>> DECIDED = Map.of(
            PlanFacts.PLAN, List.of("approvedOn", "closedOn"),
            PlanFacts.ACTION, List.of("percent", "compliant", "effective", "dueOn", "implementedOn", "closedOn"),
            EvaluationFacts.EVALUATION, List.of("finalScore", "ratingLevel", "goalsScore", "competenciesScore",
                    "belowThreshold"));
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventCatalog catalog = new EventCatalog();
    private final ObjectMapper mapper = new EnvelopeCodec().mapper();

    /** "Implementada" in follow-up reports and comparisons: plan-api's {@link ActionStatus#isImplemented()}. */
    public static boolean implemented(String actionStatus) {
        return actionStatus != null && ActionStatus.valueOf(actionStatus).isImplemented();
    }

    /** Whether the event belongs to an aggregate with a published fold. */
    public Optional<Object> decode(EventEnvelope event) {
        return catalog.record(event.eventType()).map(type -> {
            try {
                return mapper.treeToValue(event.payload(), type);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** @param before the aggregate's published state, null before its first event */
    public Object apply(Object before, Object event) {
        if (event instanceof PlanEvent plan) {
            return PlanFold.apply((PlanState) before, plan);
        }
        if (event instanceof EvaluationEvent evaluation) {
            return EvaluationFold.apply((EvaluationState) before, evaluation);
        }
        return CycleFold.apply((CycleState) before, (CycleEvent) event);
    }

    /** What the published state decides for each entity of the aggregate, as the fields to write into it. */
    public Map<EntityFold.Entity, ObjectNode> decided(Object state) {
        Map<EntityFold.Entity, ObjectNode> decided = new LinkedHashMap<>();
        if (state instanceof PlanState plan) {
            for (EntityFacts facts : PlanFacts.of(plan)) {
                ObjectNode fields = fields(facts.type(), facts.status(), facts.values());
                if (facts.type().equals(PlanFacts.ACTION)) {
                    fields.put("percent", facts.percent());
                    fields.put("compliant", facts.compliant());
                    fields.put("effective", facts.effective());
                }
                if (facts.type().equals(PlanFacts.ACTION) || facts.type().equals(PlanFacts.FINDING)) {
                    fields.put("removed", facts.removed());
                }
                decided.put(new EntityFold.Entity(facts.type(), facts.id()), fields);
            }
        } else if (state instanceof EvaluationState evaluation) {
            org.mejora.evaluation.api.state.EntityFacts facts = EvaluationFacts.of(evaluation);
            ObjectNode fields = fields(facts.type(), facts.status(), Map.of());
            if (evaluation.result() != null) {
                fields.put("finalScore", evaluation.result().finalScore());
                fields.put("ratingLevel", evaluation.result().ratingLevel());
                fields.put("goalsScore", evaluation.result().goalsScore());
                fields.put("competenciesScore", evaluation.result().competenciesScore());
                fields.put("belowThreshold", evaluation.result().belowThreshold());
            }
            if (evaluation.improvementPlanRequired()) {
                fields.put("improvementPlanRequired", true);
            }
            decided.put(new EntityFold.Entity(facts.type(), facts.id()), asStored(fields));
        } else if (state instanceof CycleState cycle) {
            org.mejora.evaluation.api.state.EntityFacts facts = EvaluationFacts.of(cycle);
            decided.put(new EntityFold.Entity(facts.type(), facts.id()), fields(facts.type(), facts.status(),
                    Map.of()));
        }
        return decided;
    }

    /**
     * The fields as they read back from the database (a score is a double node there, a decimal one here): a state
     * folded in memory and one read back between two batches must compare equal, or live and rebuilt histories differ.
     */
    private ObjectNode asStored(ObjectNode fields) {
        try {
            return (ObjectNode) mapper.readTree(fields.toString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields with explicit nulls for every decided value that is absent, so that applying them clears it. */
    private static ObjectNode fields(String type, String status, Map<String, String> values) {
        ObjectNode fields = JSON.objectNode().put("status", status);
        DECIDED.getOrDefault(type, List.of()).forEach(fields::putNull);
        values.forEach(fields::put);
        return fields;
    }

    public String write(Object state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object read(String aggregateType, String json) {
        Class<?> type = switch (aggregateType) {
            case "Plan" -> PlanState.class;
            case "Evaluation" -> EvaluationState.class;
            default -> CycleState.class;
        };
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
