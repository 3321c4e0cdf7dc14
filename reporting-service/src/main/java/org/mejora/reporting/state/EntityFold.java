package org.mejora.reporting.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.EventEnvelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one event changes the state of the plan, finding, action or evaluation it is about. Pure: the live projection
 * and a rebuild fold the same events into the same states.
 *
 * <p>The payload's fields are merged into the entity's state; what the producer's published fold decides (status,
 * progress, verification, removal, key dates: {@link PublishedState}) is then written over them, so that no status is
 * decided here.
 */
public final class EntityFold {

    /** The kinds of change an audit history can be filtered by, and the fields each one watches. */
    public static final Map<String, List<String>> FIELDS_BY_KIND = orderedKinds();

    private static final Set<String> PLAN_PARTS = Set.of("Action", "Finding", "FollowUpReport");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EntityFold() {
    }

    /**
     * Which entity an event is about: the most specific id its payload names, else its aggregate. Every entity belongs
     * to exactly one aggregate, so its events arrive in one total order, live or rebuilt.
     */
    public static Entity entityOf(EventEnvelope event) {
        JsonNode payload = event.payload();
        if (has(payload, "actionId")) {
            return new Entity("Action", payload.get("actionId").asText());
        }
        if (has(payload, "findingId")) {
            return new Entity("Finding", payload.get("findingId").asText());
        }
        if (has(payload, "reportId")) {
            return new Entity("FollowUpReport", payload.get("reportId").asText());
        }
        return new Entity(event.aggregateType(), event.aggregateId());
    }

    /**
     * The plan or evaluation an entity belongs to: named by the payload, else the aggregate when that is a plan,
     * else where an earlier event put it.
     */
    public static Entity rootOf(EventEnvelope event, Entity entity, Entity knownRoot) {
        if (PLAN_PARTS.contains(entity.type())) {
            if (has(event.payload(), "planId")) {
                return new Entity("Plan", event.payload().get("planId").asText());
            }
            if ("Plan".equals(event.aggregateType())) {
                return new Entity("Plan", event.aggregateId());
            }
            return knownRoot != null ? knownRoot : new Entity(event.aggregateType(), event.aggregateId());
        }
        return entity;
    }

    /**
     * The state after the event, and what changed in the fields an auditor follows.
     *
     * @param decided the fields the producer's fold decides for this entity after the event (a null value clears it)
     */
    public static Step apply(ObjectNode before, EventEnvelope event, ObjectNode decided) {
        ObjectNode after = before == null ? JSON.objectNode() : before.deepCopy();
        merge(after, event);
        decide(after, decided);
        return step(before, after, firstText(event.payload(), "reason", "justification", "comment", "observations"),
                evidence(event.payload()));
    }

    /**
     * An entity the event changed without naming it (the actions of a removed finding): only what the producer's
     * fold decided changes.
     */
    public static Step cascade(ObjectNode before, ObjectNode decided) {
        ObjectNode after = before.deepCopy();
        decide(after, decided);
        return step(before, after, null, null);
    }

    private static Step step(ObjectNode before, ObjectNode after, String reason, String evidence) {
        ArrayNode changes = JSON.arrayNode();
        List<String> kinds = new ArrayList<>();
        if (before == null) {
            kinds.add("CREATION");
        }
        FIELDS_BY_KIND.forEach((kind, fields) -> {
            if (before == null && kind.equals("PROGRESS")) {
                // An entity's starting point (an action at 0 %) is not progress.
                return;
            }
            boolean changed = false;
            for (String field : fields) {
                JsonNode from = before == null ? null : before.get(field);
                JsonNode to = after.get(field);
                if (!Objects.equals(from, to)) {
                    ObjectNode change = changes.addObject().put("field", field);
                    change.set("from", from == null ? JSON.nullNode() : from);
                    change.set("to", to == null ? JSON.nullNode() : to);
                    changed = true;
                }
            }
            if (changed) {
                kinds.add(kind);
            }
        });
        return new Step(after, changes, kinds, reason, evidence);
    }

    /**
     * The payload's fields become the entity's (a cycle keeps its stages closed and its assignments apart), with
     * three shapes flattened so that every entity keeps its fields at
     * the top: an action's {@code details}, a score's {@code result}, and signatures (kept under {@code signatures}
     * by the step they sign, since e.g. a plan's header {@code responsible} is not its signing responsible).
     */
    private static void merge(ObjectNode state, EventEnvelope event) {
        if (event.eventType().equals("StageClosed")) {
            ArrayNode closed = state.has("closedStages") ? (ArrayNode) state.get("closedStages")
                    : state.putArray("closedStages");
            closed.add(event.payload().path("stage").asText());
            return;
        }
        if (event.eventType().equals("ServantAssigned")) {
            ObjectNode assignments = state.has("assignments") ? (ObjectNode) state.get("assignments")
                    : state.putObject("assignments");
            assignments.set(event.payload().path("evaluationId").asText(), event.payload());
            return;
        }
        event.payload().properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                return;
            }
            if (field.getKey().equals("details") || field.getKey().equals("result")) {
                value.properties().forEach(inner -> {
                    if (!inner.getValue().isNull()) {
                        state.set(inner.getKey(), inner.getValue());
                    }
                });
            } else if (isSignature(value)) {
                ObjectNode signatures = state.has("signatures") ? (ObjectNode) state.get("signatures")
                        : state.putObject("signatures");
                signatures.set(field.getKey(), value);
            } else {
                state.set(field.getKey(), value);
            }
        });
    }

    private static boolean isSignature(JsonNode value) {
        return value.isObject() && value.has("name") && value.has("position") && value.has("date");
    }

    /** Writes what the producer's fold decided over the entity's state: a null value clears the field. */
    static void decide(ObjectNode state, ObjectNode decided) {
        decided.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                state.remove(field.getKey());
            } else {
                state.set(field.getKey(), field.getValue());
            }
        });
    }

    private static String evidence(JsonNode payload) {
        JsonNode evidence = payload.get("evidence");
        if (evidence == null || evidence.isNull()) {
            return null;
        }
        if (evidence.isArray()) {
            List<String> items = new ArrayList<>();
            evidence.forEach(item -> items.add(item.isTextual() ? item.asText() : item.toString()));
            return String.join("; ", items);
        }
        return evidence.isTextual() ? evidence.asText() : evidence.toString();
    }

    private static String firstText(JsonNode payload, String... fields) {
        for (String field : fields) {
            if (has(payload, field)) {
                return payload.get(field).asText();
            }
        }
        return null;
    }

    static String text(JsonNode node, String field) {
        return node == null || !has(node, field) ? null : node.get(field).asText();
    }

    private static boolean has(JsonNode node, String field) {
        return node != null && node.hasNonNull(field);
    }

    private static Map<String, List<String>> orderedKinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("STATUS", List.of("status", "removed"));
        kinds.put("PROGRESS", List.of("percent"));
        kinds.put("DATES", List.of("start", "end"));
        kinds.put("RESPONSIBLE", List.of("responsible", "responsibleUnit", "responsibleRole", "technicalDirection",
                "supervisorId"));
        kinds.put("VERIFICATION", List.of("compliant", "effective"));
        kinds.put("SCORE", List.of("finalScore", "ratingLevel"));
        return Collections.unmodifiableMap(kinds);
    }

    /** An entity by type ({@code Plan}, {@code Finding}, {@code Action}, {@code Evaluation}, …) and id. */
    public record Entity(String type, String id) {
    }

    /** The result of folding one event. */
    public record Step(ObjectNode after, ArrayNode changes, List<String> kinds, String reason, String evidence) {
    }
}
