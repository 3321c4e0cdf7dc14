package org.mejora.plan.plan.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.web.ImportRejected;
import org.mejora.plan.web.ImportRejected.CellError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' workbooks varied as offices send them, each with what the importer must make of it: a plan, the
 * follow-up rows with their progress, or a rejection naming where and why.
 */
class ImportCorpusTest {

    private static final String GEM = SeedWorkbooks.seed("001");
    private static final String CAF = CorrectedSeeds.caf(SeedWorkbooks.seed("003"));

    /** What reading a workbook gave: the plan or the follow-up rows, or the rejection. */
    record Outcome(PlanWorkbook.ImportedPlan plan, List<PlanWorkbook.FollowUpRow> rows, ImportRejected rejected) {

        List<String> errors() {
            assertThat(rejected).as("rejected").isNotNull();
            return rejected.errors().stream().map(ImportCorpusTest::describe).toList();
        }

        PlanWorkbook.ImportedPlan imported() {
            assertThat(rejected).as("rejection %s", rejected == null ? "" : errors()).isNull();
            return plan;
        }

        List<PlanWorkbook.FollowUpRow> followUps() {
            assertThat(rejected).as("rejection %s", rejected == null ? "" : errors()).isNull();
            return rows;
        }
    }

    static String describe(CellError e) {
        return e.sheet() + " " + e.row() + " " + e.column() + " " + e.rule();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachWorkbookGivesItsExpectedOutcome(String name, Supplier<Outcome> read, Consumer<Outcome> expected) {
        expected.accept(read.get());
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                workbook("GEM-FM014 as the seed lays it out, one header row", () -> plan(gem(GEM_HEADER, gemRows())),
                        o -> {
                            var plan = o.imported();
                            assertThat(plan.kind()).isEqualTo(PlanKind.AUDIT);
                            assertThat(plan.formatCode()).isEqualTo("GEM-FM014");
                            assertThat(plan.period()).isEqualTo("2021");
                            assertThat(plan.findings()).extracting(f -> f.action().start())
                                    .containsExactly("ago-21", "jun-21");
                        }),
                workbook("GEM-FM014 with columns reordered, extra columns and blank rows",
                        () -> plan(reorderedGem()), o -> {
                            var plan = o.imported();
                            assertThat(plan.findings()).hasSize(2);
                            var second = plan.findings().get(1);
                            assertThat(second.number()).isEqualTo("2");
                            assertThat(second.description()).startsWith("Realizar revisión");
                            assertThat(second.action().name()).startsWith("Con el fin de llevar");
                            assertThat(second.action().end()).isEqualTo("ene-22");
                            assertThat(second.action().responsibleUnit()).isEqualTo("Secretaría de Planeación");
                            assertThat(second.action().scheduledMonths()).isEqualTo(7);
                        }),
                workbook("GEM-FM014 header split over two rows, a merged group label over the dates",
                        () -> plan(twoRowHeaderGem()), o -> {
                            var plan = o.imported();
                            assertThat(plan.findings()).hasSize(2);
                            assertThat(plan.findings().get(0).action().end()).isEqualTo("ene-22");
                            assertThat(plan.findings().get(0).action().goalIndicator())
                                    .isEqualTo("% Cumplimiento al Plan de Acción");
                        }),
                workbook("GEM-FM014 dates as date cells and as unformatted Excel serials",
                        () -> plan(gem(GEM_HEADER, List.of(
                                withDates(gemRow(1), LocalDate.of(2021, 8, 2), LocalDate.of(2022, 1, 31)),
                                withDates(gemRow(2), 44348, 44592)))), o -> {
                            var plan = o.imported();
                            assertThat(plan.findings()).extracting(f -> f.action().start() + " " + f.action().end())
                                    .containsExactly("2021-08-02 2022-01-31", "2021-06-01 2022-01-31");
                        }),
                workbook("GEM-FM014 dates as text in several spellings", () -> plan(gem(GEM_HEADER, List.of(
                                withDates(gemRow(1), "02/08/2021", "31 de enero de 2022"),
                                withDates(gemRow(2), "2021/06/01", "31/ene/22")))), o -> {
                            var plan = o.imported();
                            assertThat(plan.findings()).extracting(f -> f.action().end())
                                    .containsExactly("31 de enero de 2022", "31-ene-22");
                            assertThat(plan.findings().get(1).action().start()).isEqualTo("2021-06-01");
                        }),
                workbook("GEM-FM014 with formulas: months, number and end date computed",
                        () -> plan(gem(GEM_HEADER, List.of(formulas(gemRow(1)), gemRow(2)))), o -> {
                            var first = o.imported().findings().get(0);
                            assertThat(first.number()).isEqualTo("1");
                            assertThat(first.action().scheduledMonths()).isEqualTo(5);
                            assertThat(first.action().end()).isEqualTo("2022-01-31");
                            assertThat(first.action().responsibleUnit()).isEqualTo("Secretaría de Planeación");
                        }),
                workbook("GEM-FM014 finding merged over two action rows", () -> plan(mergedGem()), o -> {
                    var plan = o.imported();
                    assertThat(plan.findings()).hasSize(2);
                    assertThat(plan.findings().get(0).actions()).extracting(a -> a.details().number())
                            .containsExactly("1", "1.2");
                    assertThat(plan.actionCount()).isEqualTo(3);
                    assertThat(plan.warnings()).extracting(ImportCorpusTest::describe)
                            .containsExactly("Plan " + (GEM_HEADER_ROW + 3)
                                    + " N° hallazgo import.warning.continues-finding");
                }),
                workbook("GEM-FM014 without its action column is refused naming the row and the columns",
                        () -> plan(gem(without(GEM_HEADER, 2), gemRows().stream().map(r -> without(r, 2)).toList())),
                        o -> {
                            CellError error = o.rejected().errors().get(0);
                            assertThat(error.rule()).isEqualTo("import.layout.header");
                            assertThat(error.sheet()).isEqualTo("Plan");
                            assertThat(error.row()).isEqualTo(GEM_HEADER_ROW + 1);
                            assertThat(error.arguments()[2]).isEqualTo(TableLayout.GEM_FM014.label());
                            assertThat((String) error.arguments()[3]).contains("N° hallazgo",
                                    "Descripción del hallazgo");
                            assertThat(error.arguments()[4]).isEqualTo("Acción de mejora");
                        }),
                workbook("GEM-FM014 as the seed writes it, start 004-21, is refused on that cell",
                        () -> plan(new OfficeWorkbook().sheet("Plan").lines(GEM)), o ->
                                assertThat(o.errors()).singleElement().asString()
                                        .endsWith("Fecha inicial de la Acción import.cell.date")),
                workbook("CAF plan and follow-up, two-row headers, no period given: the year of T1-2023",
                        () -> plan(new OfficeWorkbook().sheet("PLAN").lines(cafPlan())
                                .sheet("SEGUIMIENTO").lines(cafFollowUp())), o -> {
                            var plan = o.imported();
                            assertThat(plan.kind()).isEqualTo(PlanKind.CAF_SELF_ASSESSMENT);
                            assertThat(plan.period()).isEqualTo("2023");
                            assertThat(plan.findings()).hasSize(17);
                            assertThat(plan.followUps()).hasSize(17);
                            assertThat(plan.findings().get(7).action().start()).isEqualTo("T2-2023");
                            assertThat(plan.warnings()).isEmpty();
                        }),
                workbook("CAF plan with a one-row header (Inicio, Fin) and columns reordered",
                        () -> plan(oneRowCafPlan()), o -> {
                            var plan = o.imported();
                            assertThat(plan.findings()).hasSize(17);
                            var first = plan.findings().get(0);
                            assertThat(first.action().start()).isEqualTo("T1-2023");
                            assertThat(first.action().end()).isEqualTo("T2-2023");
                            assertThat(first.action().tasks()).hasSize(4);
                            assertThat(first.source().criterion()).startsWith("CRITERIO 1");
                            assertThat(plan.period()).isEqualTo("2023");
                        }),
                workbook("CAF plan whose improvement area is merged over two actions", () -> plan(mergedCaf()),
                        o -> {
                            var plan = o.imported();
                            assertThat(plan.findings()).hasSize(16);
                            assertThat(plan.findings().get(0).actions()).extracting(a -> a.details().number())
                                    .containsExactly("1", "2");
                            assertThat(plan.warnings()).extracting(CellError::rule)
                                    .containsExactly("import.warning.continues-finding");
                        }),
                workbook("CAF quarters written 1T-2023, Q2 2023 and 'Trimestre 3 de 2023'",
                        () -> plan(cafWithQuarters()), o -> {
                            var first = o.imported().findings().get(0).action();
                            assertThat(first.start()).isEqualTo("T1-2023");
                            assertThat(first.end()).isEqualTo("T2-2023");
                            assertThat(o.imported().findings().get(1).action().end()).isEqualTo("T3-2023");
                        }),
                workbook("Follow-up marks X, x, ✓, 1, sí, a shaded cell; two marks: the highest",
                        () -> followUps(markedFollowUp(true)), o -> {
                            Map<String, Integer> percents = new LinkedHashMap<>();
                            o.followUps().forEach(r -> percents.put(r.number(), r.percent()));
                            assertThat(percents).containsEntry("1", 25).containsEntry("2", 50)
                                    .containsEntry("3", 75).containsEntry("4", 100).containsEntry("5", 0)
                                    .containsEntry("6", 50).containsEntry("7", 75).containsEntry("8", null)
                                    .containsEntry("9", 100);
                            assertThat(o.followUps().get(8).warnings()).extracting(CellError::rule)
                                    .containsExactly("import.warning.several-marks");
                        }),
                workbook("Follow-up with a one-row header: 0% ... 100% beside the names",
                        () -> followUps(markedFollowUp(false)), o ->
                                assertThat(o.followUps()).extracting(PlanWorkbook.FollowUpRow::percent)
                                        .startsWith(25, 50, 75, 100, 0)),
                workbook("Follow-up with abbreviated tasks and one task list that is another action's",
                        () -> followUps(abbreviatedFollowUp()), o -> {
                            var rows = o.followUps();
                            assertThat(rows.get(0).warnings()).isEmpty();
                            assertThat(rows.get(1).warnings()).isEmpty();
                            assertThat(rows.get(2).warnings()).extracting(CellError::rule)
                                    .containsExactly("import.warning.tasks-differ");
                            assertThat(rows.get(2).percent()).isEqualTo(50);
                        }),
                workbook("Follow-up with one progress column holding 50 %, 0,75 and 100",
                        () -> followUps(singleColumnFollowUp()), o ->
                                assertThat(o.followUps()).extracting(PlanWorkbook.FollowUpRow::percent)
                                        .containsExactly(50, 75, 100)),
                workbook("Follow-up whose action is not the plan's is refused on that row",
                        () -> followUps(new OfficeWorkbook().sheet("SEGUIMIENTO").row(FOLLOW_UP_ONE_ROW)
                                .row("1", "Comprar vehículos nuevos", "1. Cotizar", "2023", "DAF", "", "X")), o ->
                                assertThat(o.errors()).containsExactly(
                                        "SEGUIMIENTO 2 Acción de mejora import.cell.action-mismatch")),
                workbook("A follow-up sheet imported as a plan is refused as such",
                        () -> plan(new OfficeWorkbook().sheet("SEGUIMIENTO").lines(cafFollowUp())), o ->
                                assertThat(o.rejected().errors()).extracting(CellError::rule)
                                        .containsExactly("import.layout.follow-up-only")));
    }

    private static Arguments workbook(String name, Supplier<Outcome> read, Consumer<Outcome> expected) {
        return Arguments.of(name, read, expected);
    }

    // --- reading -------------------------------------------------------------------------------------------------

    private static Outcome plan(OfficeWorkbook workbook) {
        try {
            return new Outcome(PlanWorkbook.plan(workbook.read("plan.xlsx"), "plan.xlsx", null, null, null), null,
                    null);
        } catch (ImportRejected rejected) {
            return new Outcome(null, null, rejected);
        }
    }

    private static Outcome followUps(OfficeWorkbook workbook) {
        Map<String, PlanWorkbook.PlannedAction> planned = new LinkedHashMap<>();
        PlanWorkbook.plan(new OfficeWorkbook().sheet("PLAN").lines(cafPlan()).read("caf.xlsx"), "caf.xlsx", null,
                        null, null).findings()
                .forEach(f -> planned.put(f.number(), new PlanWorkbook.PlannedAction(f.action().name(),
                        f.action().tasks())));
        try {
            return new Outcome(null, PlanWorkbook.followUps(workbook.read("seguimiento.xlsx"), "seguimiento.xlsx",
                    planned), null);
        } catch (ImportRejected rejected) {
            return new Outcome(null, null, rejected);
        }
    }

    // --- GEM-FM014 (seed 001) ------------------------------------------------------------------------------------

    private static final List<Object> GEM_HEADER = cells(line(GEM, "N° hallazgo"));

    /** 0-based row of GEM-FM014's header below the seed's banner. */
    private static final int GEM_HEADER_ROW = (int) GEM.substring(0, GEM.indexOf("N° hallazgo")).stripTrailing()
            .chars().filter(c -> c == '\n').count() + 1;

    private static String banner() {
        return GEM.substring(0, GEM.indexOf("N° hallazgo"));
    }

    private static List<Object> gemRow(int number) {
        return cells(line(GEM, number + "\t").replace("\t004-21\t", "\tago-21\t"));
    }

    private static List<List<Object>> gemRows() {
        return List.of(gemRow(1), gemRow(2));
    }

    /** The seed's banner and a table; the header is row {@code GEM_HEADER_ROW}. */
    private static OfficeWorkbook gem(List<Object> header, List<List<Object>> rows) {
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("Plan").lines(banner().stripTrailing());
        workbook.row(header);
        rows.forEach(workbook::row);
        return workbook.blank().row("Firma Responsables:");
    }

    private static OfficeWorkbook reorderedGem() {
        int[] order = {2, 1, 0, 7, 13, 3, 5, 6, 4, 8, 9, 10, 11, 12};
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("Plan").lines(banner().stripTrailing());
        List<Object> header = new ArrayList<>(reorder(GEM_HEADER, order));
        header.add(0, "Prioridad");
        header.add("Observaciones del\nauditor (uso interno)");
        workbook.row(header).blank();
        for (List<Object> row : gemRows()) {
            List<Object> cells = new ArrayList<>(reorder(row, order));
            cells.add(0, "Alta");
            cells.add("Revisado");
            workbook.row(cells).blank();
        }
        return workbook;
    }

    private static OfficeWorkbook twoRowHeaderGem() {
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("Plan").lines(banner().stripTrailing());
        workbook.row("N°", "Descripción", "Acción", "Meta", "Tiempo de Ejecución", "Fecha", "",
                "Dependencia donde", "Cargo");
        int top = workbook.lastRow();
        workbook.mergeRight(top, 5, 6);
        workbook.row("hallazgo", "del hallazgo", "de mejora", "(Indicador)", "Programado (Meses)", "inicial",
                "terminación", "se realiza la acción", "Responsable");
        for (List<Object> row : gemRows()) {
            workbook.row(row.subList(0, 9));
        }
        return workbook;
    }

    private static List<Object> withDates(List<Object> row, Object start, Object end) {
        List<Object> cells = new ArrayList<>(row);
        cells.set(5, start);
        cells.set(6, end);
        return cells;
    }

    private static List<Object> formulas(List<Object> row) {
        List<Object> cells = new ArrayList<>(row);
        cells.set(0, new OfficeWorkbook.Formula("ROW()-" + (GEM_HEADER_ROW + 1)));
        cells.set(5, LocalDate.of(2021, 8, 2));
        cells.set(6, new OfficeWorkbook.Formula("DATE(2022,1,31)"));
        cells.set(4, new OfficeWorkbook.Formula(
                "(YEAR(G{r})-YEAR(F{r}))*12+MONTH(G{r})-MONTH(F{r})".replace("{r}", String.valueOf(GEM_HEADER_ROW + 2))));
        cells.set(7, new OfficeWorkbook.Formula("CONCATENATE(\"Secretaría\",\" de \",\"Planeación\")"));
        return cells;
    }

    private static OfficeWorkbook mergedGem() {
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("Plan").lines(banner().stripTrailing());
        workbook.row(GEM_HEADER).row(gemRow(1));
        List<Object> second = new ArrayList<>(gemRow(1));
        second.set(0, "");
        second.set(1, "");
        second.set(2, "Programar reuniones trimestrales con cada dependencia responsable.");
        workbook.row(second).mergeDown(GEM_HEADER_ROW + 1, GEM_HEADER_ROW + 2, 0)
                .mergeDown(GEM_HEADER_ROW + 1, GEM_HEADER_ROW + 2, 1);
        return workbook.row(gemRow(2));
    }

    // --- CAF (seed 003, as a careful user corrects it) -----------------------------------------------------------

    private static String cafPlan() {
        return CAF.substring(0, CAF.indexOf("SEGUIMIENTO AVANCES")).strip();
    }

    private static String cafFollowUp() {
        return CAF.substring(CAF.indexOf("SEGUIMIENTO AVANCES"));
    }

    private static List<List<Object>> cafRows() {
        return Arrays.stream(cafPlan().split("\n")).filter(l -> l.matches("\\d+\t.*")).map(ImportCorpusTest::cells)
                .toList();
    }

    private static OfficeWorkbook oneRowCafPlan() {
        int[] order = {0, 1, 2, 3, 4, 6, 5, 7, 8, 9, 10, 11, 12};
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("Plan CAF").row("PLAN DE MEJORA INSTITUCIONAL").blank();
        workbook.row(reorder(List.of("N°", "CRITERIO", "SUBCRITERIO", "ÁREA DE\nMEJORA", "ACCIÓN  DE MEJORA",
                "OBJETIVO", "TAREAS", "Fecha inicio", "Fecha fin", "Recursos", "Indicador", "Responsable",
                "Observaciones"), order));
        cafRows().forEach(row -> workbook.row(reorder(row, order)));
        return workbook;
    }

    private static OfficeWorkbook mergedCaf() {
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("PLAN");
        for (String line : cafPlan().split("\n")) {
            List<Object> cells = cells(line);
            if (line.startsWith("2\t")) {
                cells.set(3, "");
            }
            workbook.row(cells);
            if (line.startsWith("2\t")) {
                workbook.mergeDown(workbook.lastRow() - 1, workbook.lastRow(), 3);
            }
        }
        return workbook;
    }

    private static OfficeWorkbook cafWithQuarters() {
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("PLAN");
        for (String line : cafPlan().split("\n")) {
            List<Object> cells = cells(line);
            if (line.startsWith("1\t")) {
                cells.set(7, "1T-2023");
                cells.set(8, "Q2 2023");
            } else if (line.startsWith("2\t")) {
                cells.set(8, "Trimestre 3 de 2023");
            }
            workbook.row(cells);
        }
        return workbook;
    }

    private static final List<Object> FOLLOW_UP_ONE_ROW = List.of("No.", "Acción de mejora", "Tareas", "Año",
            "Responsable", "0%", "25%", "50%", "75%", "100%", "Resultado final", "Comentarios");

    /** Rows 1-9 of the follow-up marked in nine ways; {@code twoRows}: the seed's header over 0 % ... 100 %. */
    private static OfficeWorkbook markedFollowUp(boolean twoRows) {
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("SEGUIMIENTO").row("SEGUIMIENTO AVANCES DEL PLAN");
        if (twoRows) {
            workbook.row("No.", "ACCION DE MEJORA", "TAREAS", "AÑO", "RESPONSABLE", "ESTADO DE REALIZACION", "", "",
                    "", "", "RESULTADO FINAL", "COMENTARIOS");
            workbook.mergeRight(workbook.lastRow(), 5, 9);
            workbook.row("", "", "", "", "", "0%", "25%", "50%", "75%", "100%");
        } else {
            workbook.row(FOLLOW_UP_ONE_ROW);
        }
        Object[][] marks = {{"", "X"}, {"", "", "x"}, {"", "", "", "✓"}, {"", "", "", "", "1"}, {"sí"},
                {"", "", new OfficeWorkbook.Shaded()}, {"-", "no", "", "Sí"}, {}, {"", "x", "", "", "X"}};
        List<String> lines = Arrays.stream(cafFollowUp().split("\n")).filter(l -> l.matches("\\d+\t.*")).toList();
        for (int i = 0; i < marks.length; i++) {
            List<Object> cells = new ArrayList<>(cells(lines.get(i)).subList(0, 5));
            cells.addAll(Arrays.asList(marks[i]));
            workbook.row(cells);
        }
        return workbook;
    }

    private static OfficeWorkbook abbreviatedFollowUp() {
        List<List<Object>> plan = cafRows();
        return new OfficeWorkbook().sheet("SEGUIMIENTO").row(FOLLOW_UP_ONE_ROW)
                .row("1", "Formalizacion de una mesa de trabajo sobre necesidades formativas",
                        "1) Comunicar reunion a grupos de interes 2) Socializar o llevar a cabo acuerdos "
                                + "3) Doc. acuerdos 4) Monitorear", "2023", "ENM", "", "x")
                .row("2", "Diseñar pol. de innovación",
                        "Reunión c/ áreas claves - Def. lineamientos - Doc. lineamientos - Divulgar o socializar pol.",
                        "2023", "Comité de Calidad", "", "", "X")
                .row("6", plan.get(5).get(4), plan.get(0).get(6), "2023", "Planificación", "", "", "X");
    }

    private static OfficeWorkbook singleColumnFollowUp() {
        List<List<Object>> plan = cafRows();
        OfficeWorkbook workbook = new OfficeWorkbook().sheet("Avances")
                .row("N°", "Acción de mejora", "Responsable", "Avance (%)");
        Object[] values = {"50 %", "0,75", 100};
        for (int i = 0; i < values.length; i++) {
            workbook.row(String.valueOf(i + 1), plan.get(i).get(4), plan.get(i).get(11), values[i]);
        }
        return workbook;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String line(String text, String startsWith) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(startsWith)).findFirst().orElseThrow();
    }

    private static List<Object> cells(String line) {
        return new ArrayList<>(Arrays.asList((Object[]) line.split("\t", -1)));
    }

    private static List<Object> reorder(List<Object> cells, int[] order) {
        List<Object> reordered = new ArrayList<>();
        for (int index : order) {
            reordered.add(index < cells.size() ? cells.get(index) : "");
        }
        return reordered;
    }

    private static List<Object> without(List<Object> cells, int index) {
        List<Object> copy = new ArrayList<>(cells);
        copy.remove(index);
        return copy;
    }
}
