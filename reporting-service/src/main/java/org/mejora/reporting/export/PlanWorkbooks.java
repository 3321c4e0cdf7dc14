package org.mejora.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mejora.reporting.state.Snapshots;

import java.util.ArrayList;
import java.util.List;

import static org.mejora.reporting.export.PlanContents.text;
import static org.mejora.reporting.export.Workbooks.row;

/** The plan as the institutions file it: format GEM-FM014 (seed 001), and the CAF plan with its follow-up sheet (seed 003). */
final class PlanWorkbooks {

    private PlanWorkbooks() {
    }

    static byte[] gemFm014(PlanContents plan, Labels labels) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        CellStyle bold = Workbooks.bold(workbook);
        Sheet sheet = workbook.createSheet(nonBlank(plan.header("formatCode"), "GEM-FM014"));
        row(sheet, 0, List.of(plan.header("institutionName")), bold);
        row(sheet, 1, List.of(labels.get("export.gem.process")), bold);
        row(sheet, 2, List.of(labels.get("export.gem.title")), bold);
        row(sheet, 3, List.of(labels.get("export.gem.version") + " " + plan.header("formatVersion")), null);
        row(sheet, 4, List.of(labels.get("export.gem.date") + " " + text(plan.signature("approver"), "date")), null);
        row(sheet, 5, List.of(labels.get("export.gem.code") + plan.header("formatCode")), null);
        row(sheet, 6, List.of(labels.get("export.gem.audited-process"), plan.header("auditedProcess")), null);
        row(sheet, 7, List.of(labels.get("export.gem.procedures"), plan.header("procedures")), null);
        row(sheet, 8, List.of(labels.get("export.gem.responsible"), plan.header("responsible")), null);
        row(sheet, 9, List.of(labels.get("export.gem.subscription"), plan.header("subscriptionDate")), null);
        int index = 11;
        row(sheet, index++, labels.columns("export.gem.columns"), bold);
        for (Snapshots.EntityRow action : plan.actions()) {
            JsonNode state = action.state();
            JsonNode finding = plan.finding(action).map(Snapshots.EntityRow::state).orElse(null);
            List<Object> cells = new ArrayList<>();
            cells.add(finding == null ? "" : text(finding, "number"));
            cells.add(finding == null ? "" : text(finding, "description"));
            cells.add(nonBlank(text(state, "description"), text(state, "name")));
            cells.add(text(state, "goalIndicator"));
            cells.add(state.hasNonNull("scheduledMonths") ? state.get("scheduledMonths").asInt() : "");
            cells.add(text(state, "start"));
            cells.add(text(state, "end"));
            cells.add(text(state, "responsibleUnit"));
            cells.add(text(state, "responsibleRole"));
            cells.add(labels.yesNo(state.hasNonNull("compliant") ? state.get("compliant").asBoolean() : null));
            cells.add(labels.yesNo(state.hasNonNull("effective") ? state.get("effective").asBoolean() : null));
            cells.add(labels.get("CLOSED".equals(text(state, "status")) ? "export.closed" : "export.open"));
            cells.add(text(state, "technicalDirection"));
            cells.add(nonBlank(text(state, "observations"), nonBlank(text(state, "comment"), text(state, "comments"))));
            row(sheet, index++, cells, null);
        }
        index++;
        row(sheet, index++, List.of(labels.get("export.gem.signatures")), bold);
        for (String step : List.of("approver", "responsible", "reviewer")) {
            JsonNode signature = plan.signature(step);
            if (!signature.isMissingNode()) {
                row(sheet, index++, List.of(text(signature, "name"), text(signature, "position"),
                        text(signature, "date")), null);
            }
        }
        for (int column = 0; column < 14; column++) {
            sheet.setColumnWidth(column, 24 * 256);
        }
        return Workbooks.bytes(workbook);
    }

    static byte[] caf(PlanContents plan, Labels labels) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        CellStyle bold = Workbooks.bold(workbook);
        Sheet sheet = workbook.createSheet(labels.get("export.caf.plan-sheet"));
        row(sheet, 0, List.of(labels.get("export.caf.plan-sheet")), bold);
        row(sheet, 2, labels.columns("export.caf.columns"), bold);
        row(sheet, 3, labels.columns("export.caf.time"), bold);
        int index = 4;
        for (Snapshots.EntityRow action : plan.actions()) {
            JsonNode state = action.state();
            JsonNode finding = plan.finding(action).map(Snapshots.EntityRow::state).orElse(null);
            row(sheet, index++, List.of(text(state, "number"),
                    finding == null ? "" : text(finding.path("source"), "criterion"),
                    finding == null ? "" : text(finding.path("source"), "subcriterion"),
                    finding == null ? "" : nonBlank(text(finding, "improvementArea"), text(finding, "description")),
                    text(state, "name"), text(state, "objective"), PlanContents.tasks(action),
                    text(state, "start"), text(state, "end"), text(state, "resources"),
                    text(state, "goalIndicator"), text(state, "responsibleUnit"), text(state, "comments")), null);
        }

        Sheet followUp = workbook.createSheet(labels.get("export.caf.follow-up-sheet"));
        row(followUp, 0, List.of(labels.get("export.caf.follow-up-title")), bold);
        int line = 2;
        for (String[] step : new String[][]{{"export.caf.responsible", "responsible"},
                {"export.caf.reviewer", "reviewer"}, {"export.caf.approver", "approver"}}) {
            JsonNode signature = plan.signature(step[1]);
            row(followUp, line++, List.of(labels.get(step[0]), text(signature, "name"), labels.get("export.caf.date"),
                    text(signature, "date")), null);
        }
        line++;
        row(followUp, line++, labels.columns("export.caf.follow-up-columns"), bold);
        row(followUp, line++, labels.columns("export.caf.follow-up-progress"), bold);
        for (Snapshots.EntityRow action : plan.actions()) {
            JsonNode state = action.state();
            List<Object> cells = new ArrayList<>(List.of(text(state, "number"), text(state, "name"),
                    PlanContents.tasks(action), year(text(state, "start"), plan.header("period")),
                    text(state, "responsibleUnit")));
            int bucket = Math.min(100, state.path("percent").asInt(0) / 25 * 25);
            for (int percent = 0; percent <= 100; percent += 25) {
                cells.add(percent == bucket ? "X" : "");
            }
            cells.add(state.hasNonNull("effective") ? labels.yesNo(state.get("effective").asBoolean()) : "");
            cells.add(nonBlank(text(state, "comment"), text(state, "comments")));
            row(followUp, line++, cells, null);
        }
        return Workbooks.bytes(workbook);
    }

    private static String year(String start, String period) {
        return start != null && start.matches("\\d{4}.*") ? start.substring(0, 4) : period;
    }

    static String nonBlank(String first, String second) {
        return first == null || first.isBlank() ? (second == null ? "" : second) : first;
    }
}
