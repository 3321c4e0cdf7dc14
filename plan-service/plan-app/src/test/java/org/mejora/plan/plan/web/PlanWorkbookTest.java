package org.mejora.plan.plan.web;

import org.junit.jupiter.api.Test;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.web.ImportRejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The seeds, read as the tab-separated text they are. */
class PlanWorkbookTest {

    static String seed(String name) {
        try (var files = Files.list(Path.of("../../infra/demo/seeds"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(name)).findFirst().orElseThrow();
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Spreadsheet tsv(String text) {
        return Spreadsheet.read(text.getBytes(StandardCharsets.UTF_8), "seed");
    }

    @Test
    void seed001IsRejectedForItsUnreadableStartDateOnly() {
        ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
                () -> PlanWorkbook.plan(tsv(seed("001")), "001.tsv", null, null, null));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.column()).isEqualTo("Fecha inicial de la Acción");
            assertThat(error.value()).isEqualTo("004-21");
            assertThat(error.rule()).isEqualTo("import.cell.date");
            assertThat(error.row()).isEqualTo(tsv(seed("001")).tabs().get(0).rows().stream()
                    .map(r -> r.isEmpty() ? "" : r.get(0)).toList().indexOf("1") + 1);
        });
    }

    @Test
    void seed001WithTheStartCorrectedReadsHeaderFindingsAndActions() {
        PlanWorkbook.ImportedPlan plan = PlanWorkbook.plan(tsv(seed("001").replace("\t004-21\t", "\tago-21\t")),
                "001.tsv", null, null, null);

        assertThat(plan.kind()).isEqualTo(PlanKind.AUDIT);
        assertThat(plan.institutionName()).isEqualTo("ALCALDIA MUNICIPAL DE CALICA");
        assertThat(plan.auditedProcess()).isEqualTo("Gestión Estratégica");
        assertThat(plan.procedures()).isEqualTo("GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO");
        assertThat(plan.responsible()).isEqualTo("Directora de Planeación Estratégica");
        assertThat(plan.subscriptionDate()).isEqualTo(LocalDate.of(2021, 9, 21));
        assertThat(plan.formatCode()).isEqualTo("GEM-FM014");
        assertThat(plan.formatVersion()).isEqualTo("02");
        assertThat(plan.period()).isEqualTo("2021");
        assertThat(plan.findings()).hasSize(2);
        var second = plan.findings().get(1);
        assertThat(second.number()).isEqualTo("2");
        assertThat(second.action().start()).isEqualTo("jun-21");
        assertThat(second.action().end()).isEqualTo("ene-22");
        assertThat(second.action().scheduledMonths()).isEqualTo(7);
        assertThat(second.action().goalIndicator()).isEqualTo("% Cumplimiento al Plan de Acción");
        assertThat(second.action().responsibleUnit()).isEqualTo("Secretaría de Planeación");
        assertThat(second.action().responsibleRole()).isEqualTo("Directora de Planeación Estratégica");
        assertThat(second.action().technicalDirection()).isEqualTo("Dirección de Planeación Estratégica");
        assertThat(second.action().comments()).startsWith("Con el fin de llevar a cabo");
    }

    @Test
    void seed003ReportsShiftedRowsAndFollowUpRowsThatAreNotThePlansActions() {
        ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
                () -> PlanWorkbook.plan(tsv(seed("003")), "003.tsv", null, null, null));

        List<String> errors = rejected.errors().stream()
                .map(e -> e.row() + " " + e.column() + " " + e.rule()).toList();
        assertThat(errors).contains("14 Criterios No. import.cell.criterion", "14 Fin import.cell.date",
                "21 Inicio import.cell.date");
        assertThat(errors).noneMatch(e -> e.contains("tasks"));
        assertThat(errors).filteredOn(e -> e.endsWith("action-mismatch")).extracting(e -> e.split(" ")[0])
                .contains("43", "44", "45", "46", "47", "48", "49");
    }

    @Test
    void tasksAreNumberedAsWritten() {
        assertThat(TaskList.parse("Definir alcance de auditoría 2. Elaborar plan 3. Realizar TDR"))
                .extracting(t -> t.number() + ":" + t.description())
                .containsExactly("1:Definir alcance de auditoría", "2:Elaborar plan", "3:Realizar TDR");
    }

    @Test
    void aFileThatIsNoPlanIsRejectedAsSuch() {
        ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
                () -> PlanWorkbook.plan(tsv("hola\tmundo\n1\t2\n"), "x.csv", null, null, null));
        assertThat(rejected.errors()).extracting(ImportRejected.CellError::rule).containsExactly("import.layout");
        assertThat(rejected.errors().get(0).arguments()).containsExactly("seed");
    }
}
