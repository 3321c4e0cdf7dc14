package org.mejora.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.mejora.reporting.state.Snapshots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A plan's current header, findings and actions in the order the seeds print them. */
record PlanContents(Snapshots.EntityRow plan, List<Snapshots.EntityRow> findings, List<Snapshots.EntityRow> actions,
                    List<Snapshots.EntityRow> reports) {

    static Optional<PlanContents> of(List<Snapshots.EntityRow> rows) {
        Optional<Snapshots.EntityRow> plan = rows.stream().filter(r -> r.type().equals("Plan")).findFirst();
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Comparator<Snapshots.EntityRow> byNumber = Comparator.comparing(r -> number(r.text("number")));
        List<Snapshots.EntityRow> findings = live(rows, "Finding").stream().sorted(byNumber).toList();
        List<Snapshots.EntityRow> actions = new ArrayList<>();
        for (Snapshots.EntityRow finding : findings) {
            live(rows, "Action").stream().filter(a -> finding.id().equals(a.text("findingId"))).sorted(byNumber)
                    .forEach(actions::add);
        }
        live(rows, "Action").stream().filter(a -> !actions.contains(a)).sorted(byNumber).forEach(actions::add);
        return Optional.of(new PlanContents(plan.get(), findings, actions, live(rows, "FollowUpReport")));
    }

    Optional<Snapshots.EntityRow> finding(Snapshots.EntityRow action) {
        return findings.stream().filter(f -> f.id().equals(action.text("findingId"))).findFirst();
    }

    String header(String field) {
        return text(plan.state(), field);
    }

    JsonNode signature(String step) {
        return plan.state().path("signatures").path(step);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    static String tasks(Snapshots.EntityRow action) {
        List<String> tasks = new ArrayList<>();
        action.state().path("tasks").forEach(task -> tasks.add(task.path("number").asText() + ". "
                + task.path("description").asText()));
        return String.join(" ", tasks);
    }

    private static List<Snapshots.EntityRow> live(List<Snapshots.EntityRow> rows, String type) {
        return rows.stream().filter(r -> r.type().equals(type) && !r.removed()).toList();
    }

    /** "1", "2", "10" in numeric order; anything else after them, alphabetically. */
    private static String number(String value) {
        if (value != null && value.matches("\\d+")) {
            return "%010d".formatted(Long.parseLong(value));
        }
        return "~" + (value == null ? "" : value);
    }
}
