package org.mejora.reporting.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.evaluation.api.state.EvaluationFacts;
import org.mejora.plan.api.state.PlanFacts;
import org.mejora.reporting.state.Snapshots;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What reporting's projections hold now of an institution's entities, in the producers' compact form
 * ({@code EntityFacts} of plan-api and evaluation-api): read from the entity states dashboards and exports read.
 */
@Component
class ReportedFacts {

    static final List<String> TYPES = List.of(PlanFacts.PLAN, PlanFacts.FINDING, PlanFacts.ACTION, PlanFacts.REPORT,
            EvaluationFacts.CYCLE, EvaluationFacts.EVALUATION);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Snapshots snapshots;
    private final JdbcClient jdbc;

    ReportedFacts(Snapshots snapshots, JdbcClient jdbc) {
        this.snapshots = snapshots;
        this.jdbc = jdbc;
    }

    /** Every institution reporting holds entities of. */
    List<String> institutions() {
        return jdbc.sql("select distinct institution_id from entity_state where institution_id is not null "
                + "order by institution_id").query(String.class).list();
    }

    List<ObjectNode> of(String institutionId) {
        List<ObjectNode> facts = new ArrayList<>();
        for (String type : TYPES) {
            snapshots.ofInstitution(institutionId, type).forEach(row -> facts.add(facts(row)));
        }
        return facts;
    }

    private static ObjectNode facts(Snapshots.EntityRow row) {
        JsonNode state = row.state();
        ObjectNode facts = JSON.objectNode().put("type", row.type()).put("id", row.id());
        ObjectNode values = JSON.objectNode();
        switch (row.type()) {
            case PlanFacts.PLAN -> copy(state, values, "approvedOn", "closedOn");
            case PlanFacts.FINDING -> facts.put("parentId", row.rootId());
            case PlanFacts.ACTION -> {
                facts.put("parentId", row.text("findingId"));
                facts.set("percent", state.path("percent").isMissingNode() ? JSON.nullNode() : state.get("percent"));
                facts.set("compliant", state.hasNonNull("compliant") ? state.get("compliant") : JSON.nullNode());
                facts.set("effective", state.hasNonNull("effective") ? state.get("effective") : JSON.nullNode());
                copy(state, values, "dueOn", "implementedOn", "closedOn");
            }
            case PlanFacts.REPORT -> {
                facts.put("parentId", row.rootId());
                copy(state, values, "period");
            }
            case EvaluationFacts.EVALUATION -> {
                facts.put("parentId", row.text("cycleId"));
                if (state.hasNonNull("finalScore")) {
                    values.put("finalScore", EvaluationFacts.score(state.get("finalScore").decimalValue()));
                    copy(state, values, "ratingLevel");
                }
                if (state.path("improvementPlanRequired").asBoolean(false)) {
                    values.put("improvementPlanRequired", "true");
                }
            }
            default -> {
                values.put("assignments", String.valueOf(state.path("assignments").size()));
                TreeSet<String> closed = new TreeSet<>();
                state.path("closedStages").forEach(stage -> closed.add(stage.asText()));
                if (!closed.isEmpty()) {
                    values.put("closedStages", String.join(",", closed));
                }
            }
        }
        facts.put("status", row.text("status"));
        facts.put("removed", row.removed());
        facts.set("values", values);
        return facts;
    }

    private static void copy(JsonNode state, ObjectNode values, String... fields) {
        for (String field : fields) {
            if (state.hasNonNull(field)) {
                values.put(field, state.get(field).asText());
            }
        }
    }
}
