package org.mejora.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.mejora.reporting.state.Snapshots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.mejora.reporting.export.PlanContents.text;

/**
 * The contents of a follow-up report (informe de seguimiento, seed 000), each in its place: the institution and
 * the format's code and version for the header, the title that fits the plan's kind, the report's number and
 * period, its narrative sections as plan-service recorded them, the actions table and the signature blocks.
 * <p>
 * The actions are as they stood when the report was submitted (the lines of {@code FollowUpReportSubmitted}), or
 * as they stand now while it is a draft. Statuses are the ones reporting's state already holds: the line's
 * {@code status} once submitted, the action's {@code status} (folded by {@code EntityFold}) before; this class only
 * puts them in words. Evidence files are those of the submitted line (every file shown for the action), or for a
 * draft those of the action's latest follow-up or verification, as the action's state holds them.
 */
record FollowUpReport(String title, String institution, String formatCode, String formatVersion, String number,
                      String period, String antecedents, String legalBase, String objective, String introduction,
                      List<String> columns, List<List<String>> lines, String conclusions, String recommendations,
                      Signer preparedBy, Signer responsible) {

    /** A signature block: who, under which position, and the date of the signature event (blank while unsigned). */
    record Signer(String name, String position, String date) {
    }

    private static final Set<String> KINDS = Set.of("AUDIT", "CAF_SELF_ASSESSMENT", "EVALUATION_DIAGNOSTIC",
            "INDIVIDUAL");

    static FollowUpReport of(PlanContents plan, Snapshots.EntityRow report, Labels labels) {
        JsonNode state = report == null ? null : report.state();
        String kind = KINDS.contains(plan.header("kind")) ? plan.header("kind") : "EVALUATION_DIAGNOSTIC";
        List<List<String>> lines = new ArrayList<>();
        if (state != null && state.path("actions").isArray() && !state.path("actions").isEmpty()) {
            state.path("actions").forEach(line -> lines.add(List.of(text(line, "number"),
                    orElse(text(line, "factor"), findingOf(plan, text(line, "number"))), text(line, "action"),
                    dates(text(line, "start"), text(line, "end")), text(line, "description"),
                    status(text(line, "status"), labels), evidence(line))));
        } else {
            for (Snapshots.EntityRow action : plan.actions()) {
                JsonNode a = action.state();
                lines.add(List.of(text(a, "number"), factorOrFinding(plan, action), text(a, "name"),
                        dates(text(a, "start"), text(a, "end")), orElse(text(a, "description"), text(a, "objective")),
                        status(text(a, "status"), labels), evidence(a)));
            }
        }
        List<String> columns = new ArrayList<>(labels.columns("export.report.columns"));
        columns.set(1, labels.get("export.report.factor." + kind));
        String period = state == null ? plan.header("period") : orElse(text(state, "period"), plan.header("period"));
        JsonNode signature = state == null ? null : state.path("signatures").path("responsible");
        String institution = orElse(plan.header("institutionName"), labels.get("export.report.no-institution"));
        String scope = orElse(plan.header("auditedProcess"), plan.header("title"));
        return new FollowUpReport(labels.get("export.report.title." + kind), institution,
                orElse(plan.header("formatCode"), "-"), orElse(plan.header("formatVersion"), "-"),
                number(plan, report), period, field(state, "antecedents"), field(state, "legalBase"),
                field(state, "objective"), labels.format("export.report.introduction", scope, institution, period),
                columns, lines, field(state, "conclusions"), field(state, "recommendations"),
                preparedBy(field(state, "preparedBy"), labels,
                        signature == null || signature.isMissingNode() ? "" : text(signature, "date")),
                signature == null || signature.isMissingNode() ? new Signer("", "", "")
                        : new Signer(text(signature, "name"), text(signature, "position"), text(signature, "date")));
    }

    /** Who prepared it, as plan-service records it (a name); the block stays blank while nobody is named. */
    private static Signer preparedBy(String name, Labels labels, String date) {
        return name.isBlank() ? new Signer("", "", date)
                : new Signer(name, labels.get("export.report.prepared-by-position"), date);
    }

    /** The report's place among the plan's reports in the order of their periods: 001, 002, ... */
    private static String number(PlanContents plan, Snapshots.EntityRow report) {
        if (report == null) {
            return "-";
        }
        List<Snapshots.EntityRow> reports = plan.reports().stream()
                .sorted(Comparator.comparing((Snapshots.EntityRow r) -> String.valueOf(r.text("period")))
                        .thenComparing(Snapshots.EntityRow::id))
                .toList();
        return "%03d".formatted(reports.indexOf(report) + 1);
    }

    /** "Factor de evaluación del desempeño" where the finding has one, else the finding itself. */
    private static String factorOrFinding(PlanContents plan, Snapshots.EntityRow action) {
        return plan.finding(action).map(f -> orElse(text(f.state().path("source"), "factor"),
                text(f.state(), "description"))).orElse("");
    }

    private static String findingOf(PlanContents plan, String actionNumber) {
        return plan.actions().stream().filter(a -> actionNumber.equals(a.text("number"))).findFirst()
                .map(a -> factorOrFinding(plan, a)).orElse("");
    }

    /** The status in words; a status written in words already (older reports) stays as written. */
    private static String status(String status, Labels labels) {
        return status.isBlank() ? "" : labels.getOrElse("export.status." + status, status);
    }

    /**
     * "Medio de verificación": the evidence as written, then each file shown with the start of its SHA-256, which
     * identifies the very file in the plan's history.
     */
    private static String evidence(JsonNode holder) {
        List<String> parts = new ArrayList<>();
        if (!text(holder, "evidence").isBlank()) {
            parts.add(text(holder, "evidence"));
        }
        holder.path("files").forEach(file -> parts.add(text(file, "name") + " (SHA-256 "
                + text(file, "sha256").substring(0, Math.min(12, text(file, "sha256").length())) + "…)"));
        return String.join("\n", parts);
    }

    private static String dates(String start, String end) {
        return start.isBlank() && end.isBlank() ? "" : start + " / " + end;
    }

    private static String field(JsonNode state, String name) {
        return state == null ? "" : text(state, name);
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
