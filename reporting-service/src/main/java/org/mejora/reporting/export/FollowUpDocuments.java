package org.mejora.reporting.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The follow-up report of seed 000 as PDF (PDFBox) and DOCX (POI XWPF), laid out as a body files it: a header
 * box with the institution and the format's code and version, the title, number and period, the numbered
 * sections, the actions table, and the signature blocks of who prepared it and who is responsible.
 */
final class FollowUpDocuments {

    /** Column widths of the actions table, in points of the A4 page's 495-point text width. */
    private static final float[] COLUMNS = {22, 104, 84, 52, 104, 55, 74};
    private static final float[] HEADER = {330, 165};

    private FollowUpDocuments() {
    }

    static byte[] pdf(FollowUpReport report, Labels labels) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ReportPdf pdf = new ReportPdf(document, headerBox(report, labels), HEADER,
                    labels.get("export.report.page"));
            pdf.centered(report.title(), 11, true);
            pdf.space(2);
            pdf.centered(labels.get("export.report.number") + " " + report.number() + "     "
                    + labels.get("export.report.period") + " " + report.period(), 10, false);
            pdf.space(10);
            section(pdf, labels.get("export.report.antecedents"), report.antecedents());
            section(pdf, labels.get("export.report.legal-base"), report.legalBase());
            section(pdf, labels.get("export.report.objective"), report.objective());
            pdf.paragraph(labels.get("export.report.actions"), 10, true);
            pdf.space(2);
            pdf.paragraph(report.introduction(), 9.5f, false);
            pdf.space(4);
            pdf.table(report.columns(), report.lines(), COLUMNS, 7.5f);
            pdf.space(10);
            section(pdf, labels.get("export.report.conclusions"), report.conclusions());
            section(pdf, labels.get("export.report.recommendations"), report.recommendations());
            pdf.signatures(signatureBlocks(report, labels));
            pdf.finish();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(FollowUpReport report, Labels labels) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<List<String>> box = headerBox(report, labels);
            XWPFTable header = document.createTable(box.size(), 2);
            for (int r = 0; r < box.size(); r++) {
                fill(header.getRow(r), box.get(r), false);
            }
            paragraph(document, report.title(), true, ParagraphAlignment.CENTER);
            paragraph(document, labels.get("export.report.number") + " " + report.number() + "     "
                    + labels.get("export.report.period") + " " + report.period(), false, ParagraphAlignment.CENTER);
            section(document, labels.get("export.report.antecedents"), report.antecedents());
            section(document, labels.get("export.report.legal-base"), report.legalBase());
            section(document, labels.get("export.report.objective"), report.objective());
            paragraph(document, labels.get("export.report.actions"), true, ParagraphAlignment.LEFT);
            paragraph(document, report.introduction(), false, ParagraphAlignment.BOTH);
            XWPFTable table = document.createTable(report.lines().size() + 1, report.columns().size());
            fill(table.getRow(0), report.columns(), true);
            for (int i = 0; i < report.lines().size(); i++) {
                fill(table.getRow(i + 1), report.lines().get(i), false);
            }
            section(document, labels.get("export.report.conclusions"), report.conclusions());
            section(document, labels.get("export.report.recommendations"), report.recommendations());
            List<List<String>> blocks = signatureBlocks(report, labels);
            XWPFTable signatures = document.createTable(1, blocks.size());
            for (int b = 0; b < blocks.size(); b++) {
                XWPFTableCell cell = signatures.getRow(0).getCell(b);
                cell.setText("\n\n______________________________");
                blocks.get(b).forEach(line -> cell.addParagraph().createRun().setText(line));
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Institution and title on the left; format code, version and period on the right. */
    private static List<List<String>> headerBox(FollowUpReport report, Labels labels) {
        return List.of(
                List.of(report.institution(), labels.get("export.report.code") + " " + report.formatCode()),
                List.of(labels.get("export.report.document"), labels.get("export.report.version") + " "
                        + report.formatVersion()));
    }

    private static List<List<String>> signatureBlocks(FollowUpReport report, Labels labels) {
        FollowUpReport.Signer prepared = report.preparedBy();
        FollowUpReport.Signer responsible = report.responsible();
        return List.of(
                List.of(labels.get("export.report.prepared-by"), prepared.name(), prepared.position(),
                        labels.get("export.report.date") + " " + prepared.date()),
                List.of(labels.get("export.report.responsible"), responsible.name(), responsible.position(),
                        labels.get("export.report.date") + " " + responsible.date()));
    }

    private static void section(ReportPdf pdf, String title, String body) throws IOException {
        pdf.paragraph(title, 10, true);
        pdf.space(2);
        pdf.paragraph(body, 9.5f, false);
        pdf.space(8);
    }

    private static void section(XWPFDocument document, String title, String body) {
        paragraph(document, title, true, ParagraphAlignment.LEFT);
        paragraph(document, body, false, ParagraphAlignment.BOTH);
    }

    private static void paragraph(XWPFDocument document, String text, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            XWPFRun run = cell.getParagraphs().get(0).createRun();
            run.setBold(bold);
            run.setText(cells.get(i));
        }
    }
}
