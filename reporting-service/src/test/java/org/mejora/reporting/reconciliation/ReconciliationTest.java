package org.mejora.reporting.reconciliation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    private static ObjectNode action(String id, String status, int percent, Boolean compliant, String closedOn) {
        ObjectNode action = JsonNodeFactory.instance.objectNode().put("type", "Action").put("id", id)
                .put("parentId", "f").put("status", status).put("percent", percent).put("compliant", compliant)
                .putNull("effective").put("removed", false);
        ObjectNode values = action.putObject("values").put("dueOn", "2030-06-30");
        if (closedOn != null) {
            values.put("closedOn", closedOn);
        }
        return action;
    }

    @Test
    void everyFieldThatDiffersAndEveryEntityOnlyOneSideHoldsIsListed() {
        List<ObjectNode> producer = List.of(action("a", "IMPLEMENTED", 100, null, null),
                action("b", "IN_PROGRESS", 25, null, null));
        List<ObjectNode> reporting = List.of(action("a", "IMPLEMENTED", 50, true, "2026-01-02"),
                action("c", "PLANNED", 0, null, null));

        List<ObjectNode> differences = Reconciliation.compare("inst", producer, reporting);

        assertThat(differences).extracting(d -> d.get("id").asText() + ":" + d.get("field").asText())
                .containsExactlyInAnyOrder("a:percent", "a:compliant", "a:values.closedOn", "b:missing",
                        "c:unknown-to-producer");
        assertThat(differences.get(0).get("producer").asInt()).isEqualTo(100);
        assertThat(differences.get(0).get("reporting").asInt()).isEqualTo(50);
    }

    @Test
    void absentAndNullAreTheSame() {
        ObjectNode withNull = action("a", "PLANNED", 0, null, null);
        ObjectNode without = action("a", "PLANNED", 0, null, null);
        without.remove("compliant");

        assertThat(Reconciliation.compare("inst", List.of(withNull), List.of(without))).isEmpty();
    }
}
