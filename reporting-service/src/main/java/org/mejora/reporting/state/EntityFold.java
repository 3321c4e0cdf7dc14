package org.mejora.reporting.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.EventEnvelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one event changes the state of the plan, finding, action or evaluation it is about. Pure: the live projection
 * and a rebuild fold the same events into the same states.
 *
 * <p>The payload's fields are merged into the entity's state; the status follows from the event type where the type
 * says it (e.g. {@code PlanApproved}); a {@code status} field in the payload wins over both.
 */
public final class EntityFold {

    /** The kinds of change an audit history can be filtered by, and the fields each one watches. */
    public static final Map<String, List<String>> FIELDS_BY_KIND = orderedKinds();

    static final Map<String, String> STATUS_BY_EVENT = Map.ofEntries(
            Map.entry("PlanCreated", "DRAFT"),
            Map.entry("PlanSubmittedForReview", "IN_REVIEW"),
            Map.entry("PlanReviewRejected", "DRAFT"),
            Map.entry("PlanApproved", "APPROVED"),
            Map.entry("PlanExecutionStarted", "IN_EXECUTION"),
            Map.entry("PlanClosed", "CLOSED"),
            Map.entry("FindingRecorded", "OPEN"),
            Map.entry("FindingClosed", "CLOSED"),
            Map.entry("ActionPlanned", "PLANNED"),
            Map.entry("ActionImplemented", "IMPLEMENTED"),
            Map.entry("ActionClosed", "CLOSED"),
            Map.entry("ActionReopened", "IN_PROGRESS"),
            Map.entry("ActionMarkedNotImplemented", "NOT_IMPLEMENTED"),
            Map.entry("ActionCancelled", "CANCELLED"),
            Map.entry("EvaluationOpened", "GOALS"),
            Map.entry("GoalsAccepted", "SELF_EVALUATION_I"),
            Map.entry("FirstSelfEvaluationAccepted", "SELF_EVALUATION_II"),
            Map.entry("SecondSelfEvaluationAccepted", "COMPETENCIES"),
            Map.entry("CompetenciesRated", "CONSOLIDATION"),
            Map.entry("EvaluationConsolidated", "CONSOLIDATED"));

    private static final Set<String> OPEN_ACTION = Set.of("PLANNED", "IN_PROGRESS");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EntityFold() {
    }

    /** Which entity an event is about: the most specific id its payload names, else its aggregate. */
    public static Entity entityOf(EventEnvelope event) {
        JsonNode payload = event.payload();
        if (has(payload, "actionId")) {
            return new Entity("Action", payload.get("actionId").asText());
        }
        if (has(payload, "findingId")) {
            return new Entity("Finding", payload.get("findingId").asText());
        }
        return new Entity(event.aggregateType(), event.aggregateId());
    }

    /**
     * The plan or evaluation an entity belongs to: named by the payload, else the aggregate when that is a plan,
     * else where an earlier event put it.
     */
    public static Entity rootOf(EventEnvelope event, Entity entity, Entity knownRoot) {
        if (entity.type().equals("Action") || entity.type().equals("Finding")) {
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

    /** The state after the event, and what changed in the fields an auditor follows. */
    public static Step apply(ObjectNode before, EventEnvelope event) {
        ObjectNode after = before == null ? JSON.objectNode() : before.deepCopy();
        event.payload().properties().forEach(field -> {
            if (!field.getValue().isNull()) {
                after.set(field.getKey(), field.getValue());
            }
        });
        String status = status(before, event);
        if (status != null) {
            after.put("status", status);
            if (!status.equals(text(before, "status")) && "IMPLEMENTED".equals(status)) {
                after.put("implementedAt", event.occurredAt().toString());
            }
        }
        if (event.eventType().equals("ImprovementPlanRequired")) {
            after.put("improvementPlanRequired", true);
        }
        ArrayNode changes = JSON.arrayNode();
        List<String> kinds = new ArrayList<>();
        if (before == null) {
            kinds.add("CREATION");
        }
        FIELDS_BY_KIND.forEach((kind, fields) -> {
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
        return new Step(after, changes, kinds, firstText(event.payload(), "reason", "justification", "comment"),
                evidence(event.payload()));
    }

    private static String status(ObjectNode before, EventEnvelope event) {
        if (has(event.payload(), "status")) {
            return event.payload().get("status").asText();
        }
        String byType = STATUS_BY_EVENT.get(event.eventType());
        if (byType != null) {
            return byType;
        }
        if (event.eventType().equals("ActionProgressRecorded") && has(event.payload(), "progress")) {
            String current = text(before, "status");
            if (current == null || OPEN_ACTION.contains(current)) {
                return event.payload().get("progress").asInt() >= 100 ? "IMPLEMENTED" : "IN_PROGRESS";
            }
        }
        return null;
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
        kinds.put("STATUS", List.of("status"));
        kinds.put("PROGRESS", List.of("progress"));
        kinds.put("DATES", List.of("startDate", "endDate"));
        kinds.put("RESPONSIBLE", List.of("responsible", "responsibleUnit", "responsibleRole", "technicalDirection",
                "supervisorId"));
        kinds.put("VERIFICATION", List.of("compliance", "effectiveness"));
        kinds.put("SCORE", List.of("finalScore", "ratingLevel"));
        return java.util.Collections.unmodifiableMap(kinds);
    }

    /** An entity by type ({@code Plan}, {@code Finding}, {@code Action}, {@code Evaluation}, …) and id. */
    public record Entity(String type, String id) {
    }

    /** The result of folding one event. */
    public record Step(ObjectNode after, ArrayNode changes, List<String> kinds, String reason, String evidence) {
    }
}
