package org.mejora.reporting.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The follow-up report of seed 000 as PDF (PDFBox) and DOCX (POI XWPF). */
final class FollowUpDocuments {

    private FollowUpDocuments() {
    }

    static byte[] docx(FollowUpReport report, Labels labels) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(document, labels.get("export.report.title"), true);
            paragraph(document, labels.get("export.report.number") + " " + report.number(), true);
            section(document, labels.get("export.report.antecedents"), report.antecedents());
            section(document, labels.get("export.report.legal-base"), report.legalBase());
            section(document, labels.get("export.report.objective"), report.objective());
            paragraph(document, labels.get("export.report.actions"), true);
            List<String> columns = labels.columns("export.report.columns");
            XWPFTable table = document.createTable(report.lines().size() + 1, columns.size());
            fill(table.getRow(0), columns);
            for (int i = 0; i < report.lines().size(); i++) {
                fill(table.getRow(i + 1), report.lines().get(i));
            }
            section(document, labels.get("export.report.conclusions"), report.conclusions());
            section(document, labels.get("export.report.recommendations"), report.recommendations());
            paragraph(document, report.responsible(), false);
            paragraph(document, labels.get("export.report.signature"), false);
            paragraph(document, labels.get("export.report.prepared-by") + " " + report.preparedBy(), false);
            paragraph(document, labels.get("export.report.date") + " " + report.date(), false);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(FollowUpReport report, Labels labels) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfText text = new PdfText(document);
            text.write(labels.get("export.report.title"), true);
            text.write(labels.get("export.report.number") + " " + report.number(), true);
            text.section(labels.get("export.report.antecedents"), report.antecedents());
            text.section(labels.get("export.report.legal-base"), report.legalBase());
            text.section(labels.get("export.report.objective"), report.objective());
            text.write(labels.get("export.report.actions"), true);
            List<String> columns = labels.columns("export.report.columns");
            for (List<String> line : report.lines()) {
                for (int i = 0; i < columns.size(); i++) {
                    text.write(columns.get(i) + ": " + line.get(i), i == 0);
                }
                text.write("", false);
            }
            text.section(labels.get("export.report.conclusions"), report.conclusions());
            text.section(labels.get("export.report.recommendations"), report.recommendations());
            text.write(report.responsible(), false);
            text.write(labels.get("export.report.signature"), false);
            text.write(labels.get("export.report.prepared-by") + " " + report.preparedBy(), false);
            text.write(labels.get("export.report.date") + " " + report.date(), false);
            text.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(XWPFDocument document, String title, String body) {
        paragraph(document, title, true);
        paragraph(document, body, false);
    }

    private static void paragraph(XWPFDocument document, String text, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    private static void fill(XWPFTableRow row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.getCell(i).setText(cells.get(i));
        }
    }

    /** Lines of wrapped text down A4 pages in a standard font (WinAnsi: Spanish letters print, others become "?"). */
    private static final class PdfText {

        private static final float MARGIN = 50;
        private static final float LEADING = 13;
        private static final float SIZE = 10;

        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream stream;
        private float y;

        PdfText(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void section(String title, String body) throws IOException {
            write(title, true);
            write(body, false);
            write("", false);
        }

        void write(String text, boolean strong) throws IOException {
            PDType1Font font = strong ? bold : regular;
            for (String line : wrap(printable(text, font), font)) {
                if (y < MARGIN) {
                    stream.close();
                    newPage();
                }
                stream.beginText();
                stream.setFont(font, SIZE);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
                y -= LEADING;
            }
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private List<String> wrap(String text, PDType1Font font) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * SIZE > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static String printable(String text, PDType1Font font) {
            StringBuilder printable = new StringBuilder();
            text.replace('\n', ' ').replace('\t', ' ').codePoints().forEach(c -> {
                String character = new String(Character.toChars(c));
                try {
                    font.encode(character);
                    printable.append(character);
                } catch (IllegalArgumentException | IOException e) {
                    printable.append('?');
                }
            });
            return printable.toString();
        }
    }
}
