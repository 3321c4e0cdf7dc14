package org.mejora.reporting.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.plan.api.state.ActionStatus;
import org.mejora.reporting.state.Snapshots;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What dashboards and comparisons need to know of one action: its due day, progress and whether it is late. */
record ActionFacts(Snapshots.EntityRow action, Snapshots.EntityRow finding) {


    static ActionFacts of(Snapshots.EntityRow action, Map<String, Snapshots.EntityRow> findings) {
        return new ActionFacts(action, findings.get(action.text("findingId")));
    }

    String status() {
        return action.text("status");
    }

    int percent() {
        Integer percent = action.integer("percent");
        return percent == null ? 0 : percent;
    }

    /** 0, 25, 50, 75 or 100: the follow-up steps of seed 003. */
    int bucket() {
        return Math.min(100, percent() / 25 * 25);
    }

    /** The last day of its end period, as plan-api's fold decided it. */
    Optional<LocalDate> due() {
        return Optional.ofNullable(action.text("dueOn")).map(LocalDate::parse);
    }

    boolean open() {
        return status() != null && ActionStatus.valueOf(status()).isOpen();
    }

    /** Overdue as plan-api's {@link ActionStatus#overdue} decides it. */
    boolean overdue(LocalDate today) {
        return status() != null && ActionStatus.valueOf(status()).overdue(due().orElse(null), today);
    }

    boolean dueWithin(LocalDate today, int days) {
        return open() && due().map(d -> !d.isBefore(today) && !d.isAfter(today.plusDays(days))).orElse(false);
    }

    boolean verified() {
        return action.state().hasNonNull("compliant");
    }

    boolean compliant() {
        return action.state().path("compliant").asBoolean(false);
    }

    boolean effective() {
        return action.state().path("effective").asBoolean(false);
    }

    String unit() {
        return Optional.ofNullable(action.text("responsibleUnit")).orElse("—");
    }

    String criterion() {
        return finding == null ? "—" : finding.state().path("source").path("criterion").asText("—");
    }

    String factor() {
        return finding == null ? "—" : finding.state().path("source").path("factor").asText("—");
    }

    ObjectNode summary() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("actionId", action.id())
                .put("planId", action.rootId())
                .put("number", action.text("number"))
                .put("name", action.text("name"))
                .put("responsibleUnit", action.text("responsibleUnit"))
                .put("end", action.text("end"))
                .put("status", status())
                .put("percent", percent());
        due().ifPresent(day -> node.put("dueOn", day.toString()));
        return node;
    }
}
