package org.mejora.reporting.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.reporting.support.ReportingIT;
import org.mejora.reporting.support.SeedEvaluations;
import org.mejora.reporting.support.SeedPlans;
import org.mejora.testing.Api;
import org.mejora.testing.TopicProbe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each download opens, and its cells and text carry the seeds' columns (read from the seed files themselves) and the
 * values of the events fed through the broker.
 */
class DownloadsIT extends ReportingIT {

    private static final Path SEEDS = Path.of("..", "infra", "demo", "seeds");
    private static final DataFormatter CELLS = new DataFormatter();

    @Test
    void thePlanDownloadsInTheLayoutOfSeed001InSpanishAndEnglish() throws IOException {
        SeedPlans plan = publishedPlan();

        Api.Response response = auditor().get("/api/reports/plans/" + plan.planId + "/exports/gem-fm014.xlsx");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).contains("attachment");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("ALCALDIA MUNICIPAL DE CALICA");
            assertThat(cells(sheet.getRow(2))).containsExactly("FORMATO PLAN DE MEJORAMIENTO");
            assertThat(text(sheet)).contains("CODIGO:GEM-FM014", "Gestión Estratégica",
                    "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO", "CESAR AUGUSTO CRUZ GONZALEZ");
            int header = rowStarting(sheet, "N° hallazgo");
            assertThat(cells(sheet.getRow(header))).containsExactlyElementsOf(seedLine("001-plan-mejoramiento-GEM-FM014.txt",
                    "N° hallazgo"));
            List<String> first = cells(sheet.getRow(header + 1));
            assertThat(first.get(0)).isEqualTo("1");
            assertThat(first.get(1)).isEqualTo(SeedPlans.FINDING_1);
            assertThat(first.get(2)).isEqualTo(SeedPlans.ACTION_1);
            // Reopened (Abierta-A) after its verification: the verification no longer stands, as in plan-service.
            assertThat(first.subList(3, 13)).containsExactly("% Cumplimiento al Plan de Acción", "4", "2021-09",
                    "2022-02", "Secretaría de Planeación", "Directora de Planeación Estratégica", "", "",
                    "Abierta-A", "Dirección de Planeación Estratégica");
            assertThat(cells(sheet.getRow(header + 2)).get(7)).isEqualTo("Secretaría de Hacienda");
        }

        Api.Response english = auditor().with(Map.of("Accept-Language", "en"))
                .get("/api/reports/plans/" + plan.planId + "/exports/gem-fm014.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = rowStarting(sheet, "Finding No.");
            assertThat(cells(sheet.getRow(header))).contains("Improvement action", "Compliance", "Effectiveness");
            assertThat(cells(sheet.getRow(header + 1)).get(11)).isEqualTo("Open-A");
        }
    }

    @Test
    void theCafPlanAndItsFollowUpSheetDownloadInTheLayoutOfSeed003() throws IOException {
        SeedPlans plan = publishedPlan();

        Api.Response response = auditor().get("/api/reports/plans/" + plan.planId + "/exports/caf.xlsx");
        assertThat(response.status()).isEqualTo(200);
        List<String> seed = Files.readAllLines(SEEDS.resolve("003-plan-mejora-institucional-CAF.txt"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet planSheet = workbook.getSheetAt(0);
            int header = rowStarting(planSheet, "No.");
            assertThat(cells(planSheet.getRow(header))).containsExactlyElementsOf(seedLine(seed, "No.\tCriterios No."));
            assertThat(cells(planSheet.getRow(header + 1))).containsExactlyElementsOf(
                    seedLine(seed, "\t\t\t\t\t\t\tInicio"));
            List<String> first = cells(planSheet.getRow(header + 2));
            assertThat(first.subList(0, 9)).containsExactly("1", "CRITERIO 2: ESTRATEGIA Y PLANIFICACIÓN",
                    "Subcriterio 2.2", "Seguimiento al Plan de Desarrollo",
                    "Socializar los seguimientos al Plan de Desarrollo", "Seguimiento detallado al plan de acción",
                    "1. Socializar en Consejo de Gobierno 2. Reuniones con cada dependencia", "2021-09", "2022-02");

            Sheet followUp = workbook.getSheetAt(1);
            assertThat(cells(followUp.getRow(0))).containsExactly("SEGUIMIENTO AVANCES DEL PLAN DE MEJORA INSTITUCIONAL");
            assertThat(text(followUp)).contains("Responsable Plan:", "Revisa:", "Aprueba:",
                    "CESAR AUGUSTO CRUZ GONZALEZ", "2021-09-21");
            int progress = rowStarting(followUp, "No.");
            assertThat(cells(followUp.getRow(progress))).containsExactlyElementsOf(
                    seedLine(seed, "No.\tACCION DE MEJORA"));
            assertThat(cells(followUp.getRow(progress + 1))).containsExactlyElementsOf(seedLine(seed, "\t\t\t\t\t0%"));
            List<String> first2 = cells(followUp.getRow(progress + 2));
            assertThat(first2.get(1)).isEqualTo("Socializar los seguimientos al Plan de Desarrollo");
            assertThat(first2.get(9)).as("100 %% column").isEqualTo("X");
            assertThat(cells(followUp.getRow(progress + 3)).get(6)).as("25 %% column").isEqualTo("X");
        }
    }

    @Test
    void theFollowUpReportOfSeed000DownloadsAsPdfAndDocx() throws IOException {
        SeedPlans plan = new SeedPlans(institution);
        List<EventEnvelope> events = new ArrayList<>(plan.gemFm014());
        events.addAll(plan.followUps());
        String reportId = "IS-" + UUID.randomUUID().toString().substring(0, 8);
        events.addAll(plan.followUpReport(reportId));
        TopicProbe.publish("mejora.plan.events", events);
        awaitHistory(plan, 20);
        List<String> columns = seed000Columns();

        Api.Response pdf = auditor().get("/api/reports/plans/" + plan.planId + "/exports/follow-up-report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("INFORME DE SEGUIMIENTO A LA IMPLEMENTACIÓN DEL PLAN DE MEJORAMIENTO DERIVADO",
                    "ANTECEDENTES", "BASE LEGAL", "OBJETIVO", "ACCIONES REALIZADAS", "CONCLUSIONES",
                    "RECOMENDACIONES", "Elaborado por: Javier Lamprea", "Fecha: 2022-03-07",
                    "Se socializaron los resultados con la Alta Dirección", "Oficio a dependencias",
                    "No implementada");
            assertThat(text).doesNotContain("EVALUACIÓN DEL DESEMPEÑO");
            columns.stream().skip(2).flatMap(column -> java.util.Arrays.stream(column.split(" ")))
                    .forEach(word -> assertThat(text).contains(word));
        }

        Api.Response docx = auditor().get("/api/reports/plans/" + plan.planId + "/exports/follow-up-report.docx");
        assertThat(docx.status()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            var table = document.getTables().get(1);
            List<String> auditColumns = new ArrayList<>(columns);
            auditColumns.set(1, "Hallazgo");
            assertThat(table.getRow(0).getTableCells().stream().map(XWPFTableCell::getText).toList())
                    .containsExactlyElementsOf(auditColumns);
            assertThat(table.getRow(1).getTableCells().stream().map(XWPFTableCell::getText).toList())
                    .containsExactly("1", "Indicadores de Gestión Estratégica",
                            "Socializar los seguimientos al Plan de Desarrollo", "2021-09 / 2022-02",
                            SeedPlans.ACTION_1, "Implementada", "Informe final de socialización");
            assertThat(document.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("1. ANTECEDENTES:", "Oficio de entrega de planes de acción de mejora al MDT.");
        }

        assertThat(auditor().get("/api/reports/plans/" + plan.planId + "/exports/follow-up-report.odt").status())
                .isEqualTo(400);
        assertThat(as("x", "another-institution", Role.AUDITOR)
                .get("/api/reports/plans/" + plan.planId + "/exports/follow-up-report.pdf").status()).isEqualTo(404);
    }

    @Test
    void theStageAndYearConsolidationOfSeed004DownloadsAsTheSystemsExcelReport() throws IOException {
        SeedEvaluations cycle = new SeedEvaluations(institution);
        List<EventEnvelope> evaluations = new ArrayList<>();
        evaluations.addAll(cycle.evaluation(UUID.randomUUID().toString(), "aperez", "Ana Pérez", 3, "95",
                "Sobresaliente"));
        evaluations.addAll(cycle.evaluation(UUID.randomUUID().toString(), "bgomez", "Bruno Gómez", 3, "55",
                "No satisfactorio"));
        evaluations.addAll(cycle.evaluation(UUID.randomUUID().toString(), "cruiz", "Carla Ruiz", 1, null, null));
        TopicProbe.publish("mejora.evaluation.events", cycle.cycleEvents());
        TopicProbe.publish("mejora.evaluation.events", evaluations);
        Api hr = as("hr", institution, Role.HR);
        String year = "/api/reports/cycles/" + cycle.cycleId + "/exports/consolidation.xlsx?stage=YEAR&today=2023-06-01";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response response = hr.get(year);
            assertThat(response.status()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(text(workbook.getSheetAt(0))).contains("Carla Ruiz", "Bruno Gómez");
            }
        });

        assertThat(Files.readString(SEEDS.resolve("004-procedimiento-P-TH-10.txt"))).contains("Reporte Excel del sistema");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(hr.get(year).body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0)).get(0)).startsWith("Reporte Excel del sistema");
            int header = rowStarting(sheet, "Servidor");
            assertThat(cells(sheet.getRow(header))).contains("Jefe inmediato", "Etapa", "Puntaje final",
                    "Nivel de calificación", "Requiere plan de mejoramiento individual");
            List<String> bruno = cells(sheet.getRow(header + 2));
            assertThat(bruno.get(0)).isEqualTo("Bruno Gómez");
            assertThat(bruno.get(3)).isEqualTo("COMPLETE");
            assertThat(bruno.get(9)).isEqualTo("55");
            assertThat(bruno.get(10)).isEqualTo("No satisfactorio");
            assertThat(bruno.get(11)).isEqualTo("Si");
            List<String> carla = cells(sheet.getRow(header + 3));
            assertThat(carla.get(4)).isEqualTo("GOALS_IN_REVIEW");
            assertThat(carla.get(6)).as("late").isEqualTo("Si");
        }

        String secondStage = "/api/reports/cycles/" + cycle.cycleId + "/exports/consolidation.xlsx?stage=SELF_EVALUATION_II";
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(hr.get(secondStage).body()))) {
            assertThat(text(workbook.getSheetAt(0))).contains("Ana Pérez", "Bruno Gómez").doesNotContain("Carla Ruiz");
        }
        assertThat(hr.get("/api/reports/cycles/" + cycle.cycleId + "/exports/consolidation.xlsx?stage=LUNCH").status())
                .isEqualTo(400);
        assertThat(as("oversight", "ministry", Role.OVERSIGHT).get(year).status()).isEqualTo(200);
    }

    private SeedPlans publishedPlan() {
        SeedPlans plan = new SeedPlans(institution);
        List<EventEnvelope> events = new ArrayList<>(plan.gemFm014());
        events.addAll(plan.followUps());
        TopicProbe.publish("mejora.plan.events", events);
        awaitHistory(plan, 18);
        return plan;
    }

    private void awaitHistory(SeedPlans plan, long total) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(auditor()
                .get("/api/reports/history/plans/" + plan.planId).json().path("total").asLong()).isEqualTo(total));
    }

    /** The column names of seed 000's actions table, one a line between "N°" and "Medio de Verificación". */
    private static List<String> seed000Columns() throws IOException {
        List<String> lines = Files.readAllLines(SEEDS.resolve("000-informe-seguimiento.txt"), StandardCharsets.UTF_8);
        int from = lines.indexOf("\tN°");
        List<String> columns = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            columns.add(line.strip());
            if (line.strip().equals("Medio de Verificación")) {
                break;
            }
        }
        return columns;
    }

    private static List<String> seedLine(String file, String start) throws IOException {
        return seedLine(Files.readAllLines(SEEDS.resolve(file), StandardCharsets.UTF_8), start);
    }

    /** A seed's tab-separated header line as cells, without the empty cells that trail it. */
    private static List<String> seedLine(List<String> lines, String start) {
        String line = lines.stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
        return trimmed(List.of(line.split("\t", -1)));
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : CELLS.formatCellValue(cell));
        }
        return trimmed(cells);
    }

    private static List<String> trimmed(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return cells.subList(0, end).stream().map(String::strip).toList();
    }

    private static int rowStarting(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && first.equals(CELLS.formatCellValue(row.getCell(0)))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starts with " + first);
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(CELLS.formatCellValue(cell)).append('\t')));
        return text.toString();
    }
}
