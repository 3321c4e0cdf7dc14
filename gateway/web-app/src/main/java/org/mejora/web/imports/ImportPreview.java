package org.mejora.web.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What plan-service would import from a file, as its dry run answers (nothing written yet): the plan's header, each
 * action with its finding, the follow-up rows with their progress, and the warnings to look at before importing.
 */
public record ImportPreview(String title, String kind, String period, Integer findings, Integer actions,
                            List<Line> lines, List<FollowUp> followUps, List<RejectedCell> warnings) {

    /** One action to import, beside its finding. */
    public record Line(String finding, String description, String action, String name, String start, String end) {
    }

    /** One follow-up row and the progress it would record (null: no mark). */
    public record FollowUp(String sheet, Integer row, String number, String action, Integer percent) {
    }

    @SuppressWarnings("unchecked")
    static ImportPreview of(Map<String, Object> body) {
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> finding : list(body.get("findingList"))) {
            for (Map<String, Object> action : list(finding.get("actions"))) {
                lines.add(new Line(text(finding.get("number")), text(finding.get("description")),
                        text(action.get("number")), text(action.get("name")), text(action.get("start")),
                        text(action.get("end"))));
            }
        }
        List<FollowUp> followUps = list(body.get("followUpList")).stream().map(row -> new FollowUp(
                text(row.get("sheet")), number(row.get("row")), text(row.get("number")), text(row.get("action")),
                number(row.get("percent")))).toList();
        List<RejectedCell> warnings = list(body.get("warnings")).stream().map(w -> new RejectedCell(
                text(w.get("sheet")), number(w.get("row")), text(w.get("column")), text(w.get("value")),
                text(w.get("rule")), text(w.get("reason")))).toList();
        return new ImportPreview(text(body.get("title")), text(body.get("kind")), text(body.get("period")),
                number(body.get("findings")), number(body.get("actions")), lines, followUps, warnings);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
