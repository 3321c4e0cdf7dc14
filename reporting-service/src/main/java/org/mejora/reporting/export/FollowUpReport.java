package org.mejora.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.mejora.reporting.state.PublishedState;
import org.mejora.reporting.state.Snapshots;

import java.util.ArrayList;
import java.util.List;

import static org.mejora.reporting.export.PlanContents.text;

/**
 * The contents of a follow-up report (informe de seguimiento, seed 000): its narrative sections as plan-service
 * recorded them and its actions table, as the actions stood when the report was submitted, or as they stand now
 * while it is a draft.
 */
record FollowUpReport(String number, String antecedents, String legalBase, String objective,
                      List<List<String>> lines, String conclusions, String recommendations, String preparedBy,
                      String date, String responsible) {


    static FollowUpReport of(PlanContents plan, Snapshots.EntityRow report, Labels labels) {
        JsonNode state = report == null ? null : report.state();
        List<List<String>> lines = new ArrayList<>();
        if (state != null && state.path("actions").isArray() && !state.path("actions").isEmpty()) {
            state.path("actions").forEach(line -> lines.add(List.of(text(line, "number"), text(line, "factor"),
                    text(line, "action"), text(line, "start") + " / " + text(line, "end"), text(line, "description"),
                    text(line, "status"), text(line, "evidence"))));
        } else {
            for (Snapshots.EntityRow action : plan.actions()) {
                JsonNode a = action.state();
                String factor = plan.finding(action).map(f -> text(f.state().path("source"), "factor")).orElse("");
                lines.add(List.of(text(a, "number"), factor, text(a, "name"),
                        text(a, "start") + " / " + text(a, "end"), text(a, "description"),
                        labels.get(PublishedState.implemented(text(a, "status")) ? "export.implemented" : "export.not-implemented"),
                        text(a, "evidence")));
            }
        }
        JsonNode signature = state == null ? null : state.path("signatures").path("responsible");
        return new FollowUpReport(state == null ? plan.header("period") : nonBlank(text(state, "period"), report.id()),
                field(state, "antecedents"), field(state, "legalBase"), field(state, "objective"), lines,
                field(state, "conclusions"), field(state, "recommendations"), field(state, "preparedBy"),
                signature == null ? "" : text(signature, "date"),
                signature == null ? "" : (text(signature, "name") + " - " + text(signature, "position")));
    }

    private static String field(JsonNode state, String name) {
        return state == null ? "" : text(state, name);
    }

    private static String nonBlank(String value, String otherwise) {
        return value.isBlank() ? otherwise : value;
    }
}
