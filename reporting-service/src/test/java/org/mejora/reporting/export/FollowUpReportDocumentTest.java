package org.mejora.reporting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.mejora.reporting.state.Snapshots;
import org.springframework.context.support.ResourceBundleMessageSource;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up report of seed 000 for the audit plan of seed 001 and for an evaluation plan, read back from the
 * PDF and the DOCX; page 1 of the audit plan's report is rendered to the image the README shows.
 */
class FollowUpReportDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINDING_1 = "Se recomienda a cada dependencia verificar la materialización de los "
            + "compromisos que garantizan el cumplimiento de las metas y que registran un avance inferior al 50%.";
    private static final String FINDING_2 = "Realizar revisión de las estrategias documentadas con el fin de "
            + "establecer claramente los periodos de tiempo y las actividades a desarrollar durante cada vigencia.";

    private static Labels labels(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Labels(messages, locale);
    }

    private static Snapshots.EntityRow row(String type, String id, String json) throws IOException {
        return new Snapshots.EntityRow(type, id, "p-1", "inst-1", (ObjectNode) JSON.readTree(json));
    }

    /** Seed 001's plan in execution: action 1 closed, action 2 still planned; one submitted report. */
    private static PlanContents auditPlan(boolean submitted) throws IOException {
        List<Snapshots.EntityRow> rows = new ArrayList<>();
        rows.add(row("Plan", "p-1", """
                {"kind":"AUDIT","title":"Plan de mejoramiento - Gestión Estratégica","institutionName":
                "ALCALDIA MUNICIPAL DE CALICA","auditedProcess":"Gestión Estratégica","formatCode":"GEM-FM014",
                "formatVersion":"02","period":"2021","status":"IN_EXECUTION"}"""));
        rows.add(row("Finding", "f-1", """
                {"findingId":"f-1","number":"1","description":"%s","source":{"type":"AUDIT"},"status":"CLOSED"}"""
                .formatted(FINDING_1)));
        rows.add(row("Finding", "f-2", """
                {"findingId":"f-2","number":"2","description":"%s","source":{"type":"AUDIT"},"status":"OPEN"}"""
                .formatted(FINDING_2)));
        rows.add(row("Action", "a-1", """
                {"findingId":"f-1","number":"1","name":"Socializar los seguimientos al Plan de Desarrollo en Consejo de
                 Gobierno","description":"Se socializaron los resultados y se programaron reuniones con cada
                 dependencia","start":"2021-08","end":"2022-01","status":"CLOSED","evidence":"Actas del Consejo de
                 Gobierno (CD entregado)"}""".replace("\n", "")));
        rows.add(row("Action", "a-2", """
                {"findingId":"f-2","number":"2","name":"Planes de mejoramiento por dependencia","objective":
                "Garantizar la ejecución de las metas por debajo del 40 %","start":"2021-06","end":"2022-01",
                "status":"PLANNED"}"""));
        String lines = submitted ? """
                ,"actions":[{"number":"1","factor":null,"action":"Socializar los seguimientos al Plan de Desarrollo
                 en Consejo de Gobierno","start":"2021-08","end":"2022-01","description":"Se socializaron los
                 resultados y se programaron reuniones con cada dependencia","status":"CLOSED","evidence":"Actas
                 del Consejo de Gobierno (CD entregado)","files":[{"fileId":"f-1","name":"acta-consejo.pdf",
                 "contentType":"application/pdf","size":48213,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b8
                22cd15d6c15b0f00a08","taskNumber":null}]},{"number":"2","factor":null,"action":"Planes de
                 mejoramiento por dependencia","start":"2021-06","end":"2022-01","description":"Garantizar la
                 ejecución de las metas por debajo del 40 %","status":"PLANNED","evidence":null}],
                 "signatures":{"responsible":{"name":"Ing. CESAR AUGUSTO CRUZ GONZALEZ","role":"PLAN_OWNER",
                 "position":"Secretario de Planeación","date":"2022-03-07"}},"status":"SUBMITTED\"""" : "";
        rows.add(row("FollowUpReport", "r-1", ("""
                {"reportId":"r-1","period":"2021-II","antecedents":"Oficio de envío del informe de auditoría
                 interna al Secretario de Planeación. Documento de aprobación del plan de mejoramiento por la
                 máxima autoridad.","legalBase":"Ley 87 de 1993 y Decreto 1083 de 2015 (MIPG), séptima dimensión:
                 Control Interno.","objective":"Realizar un seguimiento a la ejecución del plan de mejoramiento
                 del proceso Gestión Estratégica.","conclusions":"La acción 1 se cumplió y fue verificada como
                 efectiva; la acción 2 sigue planificada.","recommendations":"Iniciar la acción 2 antes del cierre
                 de la vigencia.","preparedBy":"Javier Lamprea\"""" + lines + "}").replace("\n", "")));
        return PlanContents.of(rows).orElseThrow();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void anAuditPlansSubmittedReportHasEverySectionInItsPlaceAndPage1IsRendered() throws IOException {
        PlanContents plan = auditPlan(true);
        Labels labels = labels(Locale.forLanguageTag("es"));
        byte[] pdf = FollowUpDocuments.pdf(FollowUpReport.of(plan, plan.reports().get(0), labels), labels);

        String text = text(pdf);
        assertThat(text).contains("ALCALDIA MUNICIPAL DE CALICA", "Código: GEM-FM014", "Versión: 02",
                "INFORME DE SEGUIMIENTO A LA IMPLEMENTACIÓN DEL PLAN DE MEJORAMIENTO DERIVADO DE AUDITORÍA",
                "No. 001", "Período: 2021-II",
                "1. ANTECEDENTES:", "Oficio de envío del informe de auditoría",
                "2. BASE LEGAL:", "Ley 87 de 1993", "3. OBJETIVO:", "Realizar un seguimiento a la ejecución",
                "4. ACCIONES REALIZADAS:", "Gestión Estratégica de ALCALDIA MUNICIPAL DE CALICA, en el período 2021-II",
                "5. CONCLUSIONES:", "La acción 1 se cumplió", "6. RECOMENDACIONES:", "Iniciar la acción 2",
                "Elaborado por: Javier Lamprea", "Responsable de la unidad encargada:",
                "Ing. CESAR AUGUSTO CRUZ GONZALEZ", "Secretario de Planeación", "Fecha: 2022-03-07",
                "Página 1 de");
        assertThat(text).doesNotContain("EVALUACIÓN DEL DESEMPEÑO", "CLOSED", "PLANNED", "IMPLEMENTED");
        assertThat(text).containsSubsequence("Hallazgo", "Acción de mejoramiento", "Fecha Inicio-Fin",
                "Estado de la acción", "Medio de Verificación",
                "1", "Se recomienda a cada dependencia", "Socializar los seguimientos", "2021-08 / 2022-01",
                "Cerrada", "Actas del Consejo", "acta-consejo.pdf (SHA-256 9f86d081884c…)",
                "2", "Realizar revisión de las estrategias", "Planes de mejoramiento por dependencia",
                "2021-06 / 2022-01", "Planificada");

        Path image = Path.of("docs", "follow-up-report-page-1.png");
        Files.createDirectories(image.getParent());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB), "png",
                    image.toFile());
        }
        assertThat(Files.size(image)).isGreaterThan(10_000);
    }

    @Test
    void aDraftListsTheActionsAsTheyStandWithStatusesInEnglishForAnEnglishReader() throws IOException {
        PlanContents plan = auditPlan(false);
        Labels labels = labels(Locale.ENGLISH);
        String text = text(FollowUpDocuments.pdf(FollowUpReport.of(plan, plan.reports().get(0), labels), labels));

        assertThat(text).contains("FOLLOW-UP REPORT ON THE IMPLEMENTATION OF THE IMPROVEMENT PLAN ARISING FROM AN "
                + "AUDIT", "Code: GEM-FM014", "Version: 02", "1. BACKGROUND:", "Finding", "Closed", "Planned",
                "Period: 2021-II", "Page 1 of");
        assertThat(text).doesNotContain("Cerrada", "Planificada", "CLOSED");
    }

    @Test
    void anEvaluationPlanHasTheSeedsTitleAndItsFactorsAndTheDocxTheSameTable() throws IOException {
        List<Snapshots.EntityRow> rows = new ArrayList<>();
        rows.add(row("Plan", "p-2", """
                {"kind":"EVALUATION_DIAGNOSTIC","title":"Plan de acción de mejora 2022","institutionName":
                "Ministerio de Ejemplo","formatCode":"UATH-F-07","formatVersion":"1","period":"2022"}"""));
        rows.add(row("Finding", "f-9", """
                {"findingId":"f-9","number":"1","description":"Brecha en indicadores","source":{"type":
                "EVALUATION","factor":"Indicadores de Gestión Estratégica"}}"""));
        rows.add(row("Action", "a-9", """
                {"findingId":"f-9","number":"1","name":"Capacitar en formulación de indicadores","start":
                "2022-03","end":"2022-06","status":"IN_PROGRESS","evidence":"Registro de asistencia"}"""));
        rows.add(row("FollowUpReport", "r-9", """
                {"reportId":"r-9","period":"2022","preparedBy":"Analista UATH"}"""));
        PlanContents plan = PlanContents.of(rows).orElseThrow();
        Labels labels = labels(Locale.forLanguageTag("es"));
        FollowUpReport report = FollowUpReport.of(plan, plan.reports().get(0), labels);

        assertThat(text(FollowUpDocuments.pdf(report, labels))).contains("INFORME DE SEGUIMIENTO A LA "
                        + "IMPLEMENTACIÓN DE PLANES DE ACCIÓN DE MEJORA DEL PROCESO DE EVALUACIÓN DEL DESEMPEÑO",
                "Factor de evaluación del desempeño", "Indicadores de Gestión Estratégica", "En ejecución");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(FollowUpDocuments.docx(report, labels)))) {
            assertThat(docx.getTables().get(0).getRow(0).getTableCells().stream().map(XWPFTableCell::getText))
                    .containsExactly("Ministerio de Ejemplo", "Código: UATH-F-07");
            var table = docx.getTables().get(1);
            assertThat(table.getRow(0).getTableCells().stream().map(XWPFTableCell::getText).toList())
                    .containsExactly("N°", "Factor de evaluación del desempeño", "Acción de mejoramiento",
                            "Fecha Inicio-Fin", "Descripción de la acción de mejoramiento", "Estado de la acción",
                            "Medio de Verificación");
            assertThat(table.getRow(1).getTableCells().stream().map(XWPFTableCell::getText).toList())
                    .containsExactly("1", "Indicadores de Gestión Estratégica",
                            "Capacitar en formulación de indicadores", "2022-03 / 2022-06", "", "En ejecución",
                            "Registro de asistencia");
            assertThat(docx.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("1. ANTECEDENTES:", "No. 001     Período: 2022");
        }
    }
}
