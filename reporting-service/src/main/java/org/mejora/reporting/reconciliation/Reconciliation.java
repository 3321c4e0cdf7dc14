package org.mejora.reporting.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every difference between what a producer holds of an institution and what reporting shows of it. */
@Component
class Reconciliation {

    static final List<String> FIELDS = List.of("parentId", "status", "percent", "compliant", "effective", "removed");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ReportedFacts reported;
    private final ProducerFacts producers;

    Reconciliation(ReportedFacts reported, ProducerFacts producers) {
        this.reported = reported;
        this.producers = producers;
    }

    /** The differences of one institution, and how many entities each side holds. */
    Outcome reconcile(String institutionId, Map<String, String> credentials) {
        List<ObjectNode> producer = producers.of(institutionId, credentials);
        List<ObjectNode> reporting = reported.of(institutionId);
        return new Outcome(producer.size(), reporting.size(), compare(institutionId, producer, reporting));
    }

    record Outcome(int producerEntities, int reportingEntities, List<ObjectNode> differences) {
    }

    /** One difference per field that differs, and one per entity that only one side holds. */
    static List<ObjectNode> compare(String institutionId, List<ObjectNode> producer, List<ObjectNode> reporting) {
        Map<String, ObjectNode> ours = byKey(reporting);
        Map<String, ObjectNode> theirs = byKey(producer);
        List<ObjectNode> differences = new ArrayList<>();
        theirs.forEach((key, source) -> {
            ObjectNode shown = ours.get(key);
            if (shown == null) {
                differences.add(difference(institutionId, source, "missing", source, null));
                return;
            }
            for (String field : FIELDS) {
                compareField(institutionId, source, field, value(source, field), value(shown, field), differences);
            }
            List<String> names = new ArrayList<>();
            source.path("values").fieldNames().forEachRemaining(names::add);
            shown.path("values").fieldNames().forEachRemaining(name -> {
                if (!names.contains(name)) {
                    names.add(name);
                }
            });
            for (String name : names) {
                compareField(institutionId, source, "values." + name, value(source.path("values"), name),
                        value(shown.path("values"), name), differences);
            }
        });
        ours.forEach((key, shown) -> {
            if (!theirs.containsKey(key)) {
                differences.add(difference(institutionId, shown, "unknown-to-producer", null, shown));
            }
        });
        return differences;
    }

    private static void compareField(String institutionId, JsonNode entity, String field, JsonNode producer,
                                     JsonNode reporting, List<ObjectNode> differences) {
        if (!Objects.equals(normal(producer), normal(reporting))) {
            differences.add(difference(institutionId, entity, field, producer, reporting));
        }
    }

    /** Absent and null are the same; numbers and booleans compare by their text. */
    private static String normal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.asText();
    }

    private static JsonNode value(JsonNode node, String field) {
        return node.get(field);
    }

    private static ObjectNode difference(String institutionId, JsonNode entity, String field, JsonNode producer,
                                         JsonNode reporting) {
        ObjectNode difference = JSON.objectNode()
                .put("institutionId", institutionId)
                .put("type", entity.path("type").asText())
                .put("id", entity.path("id").asText())
                .put("field", field);
        difference.set("producer", producer == null ? JSON.nullNode() : producer);
        difference.set("reporting", reporting == null ? JSON.nullNode() : reporting);
        return difference;
    }

    private static Map<String, ObjectNode> byKey(List<ObjectNode> facts) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        facts.forEach(f -> byKey.put(f.path("type").asText() + "/" + f.path("id").asText(), f));
        return byKey;
    }
}
