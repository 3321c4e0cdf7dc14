package org.mejora.reporting.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.Stage;
import org.mejora.reporting.state.Snapshots;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.mejora.reporting.export.PlanContents.text;
import static org.mejora.reporting.export.Workbooks.row;

/**
 * "Reporte Excel del sistema" of P-TH-10 (seed 004, steps 7, 11 and 16): HR's consolidation of a stage or of the
 * year, one row per servant, with where each stands, whether they are late, their score and whether they need an
 * individual improvement plan.
 */
final class CycleWorkbook {

    private CycleWorkbook() {
    }

    /** One row per servant of {@code named}; the summary by level counts every servant of {@code counted}. */
    static byte[] consolidation(JsonNode cycle, List<Snapshots.EntityRow> named, List<Snapshots.EntityRow> counted,
                                String stage, LocalDate today, Labels labels) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        CellStyle bold = Workbooks.bold(workbook);
        Sheet sheet = workbook.createSheet("P-TH-10");
        row(sheet, 0, List.of(labels.get("export.cycle.title")), bold);
        row(sheet, 1, List.of(labels.get("export.cycle.cycle"), text(cycle, "name"), text(cycle, "year")), null);
        row(sheet, 2, List.of(labels.get("export.cycle.stage"), stage), null);
        row(sheet, 4, labels.columns("export.cycle.columns"), bold);
        int index = 5;
        Map<String, Integer> levels = new TreeMap<>();
        for (Snapshots.EntityRow evaluation : named) {
            JsonNode state = evaluation.state();
            String currentStage = stageOf(text(state, "status"));
            LocalDate deadline = deadline(cycle, currentStage);
            boolean late = deadline != null && today.isAfter(deadline);
            row(sheet, index++, List.of(text(state, "servantName"), text(state, "servantId"),
                    text(state, "supervisorName"), currentStage, text(state, "status"),
                    deadline == null ? "" : deadline.toString(), labels.yesNo(late),
                    number(state, "goalsScore"), number(state, "competenciesScore"), number(state, "finalScore"),
                    text(state, "ratingLevel"),
                    labels.yesNo(state.path("improvementPlanRequired").asBoolean(false))), null);
        }
        for (Snapshots.EntityRow evaluation : counted) {
            if (evaluation.state().hasNonNull("ratingLevel")) {
                levels.merge(evaluation.state().get("ratingLevel").asText(), 1, Integer::sum);
            }
        }
        index++;
        row(sheet, index++, List.of(labels.get("export.cycle.summary")), bold);
        for (Map.Entry<String, Integer> level : levels.entrySet()) {
            row(sheet, index++, List.of(level.getKey(), level.getValue()), null);
        }
        for (int column = 0; column < 12; column++) {
            sheet.setColumnWidth(column, 20 * 256);
        }
        return Workbooks.bytes(workbook);
    }

    /** Whether an evaluation belongs in the consolidation of a stage: it has reached or passed it. */
    static boolean reached(Snapshots.EntityRow evaluation, String stage) {
        if (stage.equals("YEAR")) {
            return true;
        }
        try {
            EvaluationStatus status = EvaluationStatus.valueOf(evaluation.text("status"));
            return status.stage() == null || status.stage().compareTo(Stage.valueOf(stage)) >= 0;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static Object number(JsonNode state, String field) {
        return state.hasNonNull(field) ? state.get(field).asDouble() : "";
    }

    private static String stageOf(String status) {
        try {
            Stage stage = EvaluationStatus.valueOf(status).stage();
            return stage == null ? "COMPLETE" : stage.name();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }

    private static LocalDate deadline(JsonNode cycle, String stage) {
        for (JsonNode deadline : cycle.path("stages")) {
            if (stage.equals(deadline.path("stage").asText()) && deadline.hasNonNull("deadline")) {
                return LocalDate.parse(deadline.get("deadline").asText());
            }
        }
        return null;
    }
}
