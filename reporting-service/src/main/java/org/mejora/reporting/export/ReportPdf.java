package org.mejora.reporting.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A4 pages written top to bottom the way filed documents are laid out: a bordered header box on every page,
 * wrapped paragraphs, tables with ruled cells whose header row repeats on a new page, signature lines, and
 * "Página n de m" at the foot. Standard fonts (WinAnsi): Spanish letters print, others become "?".
 */
final class ReportPdf {

    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float PAD = 3;
    private static final Color RULE = new Color(90, 90, 90);
    private static final Color SHADE = new Color(225, 230, 236);

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final List<List<String>> pageHeader;
    private final float[] pageHeaderWidths;
    private final String pageLabel;
    private PDPageContentStream stream;
    private float y;

    /** @param pageHeader the header box's rows (first column bold), drawn on top of every page */
    ReportPdf(PDDocument document, List<List<String>> pageHeader, float[] pageHeaderWidths, String pageLabel)
            throws IOException {
        this.document = document;
        this.pageHeader = pageHeader;
        this.pageHeaderWidths = pageHeaderWidths;
        this.pageLabel = pageLabel;
        newPage();
    }

    void centered(String text, float size, boolean strong) throws IOException {
        PDType1Font font = strong ? bold : regular;
        for (String line : wrap(printable(text, font), font, size, WIDTH)) {
            room(size + 4);
            float width = font.getStringWidth(line) / 1000 * size;
            show(line, font, size, MARGIN + (WIDTH - width) / 2, y - size);
            y -= size + 4;
        }
    }

    void paragraph(String text, float size, boolean strong) throws IOException {
        PDType1Font font = strong ? bold : regular;
        for (String part : text.split("\n")) {
            for (String line : wrap(printable(part, font), font, size, WIDTH)) {
                room(size + 3);
                show(line, font, size, MARGIN, y - size);
                y -= size + 3;
            }
        }
    }

    void space(float points) {
        y -= points;
    }

    /** A table: widths in points, the header row shaded and repeated on each page it continues to. */
    void table(List<String> header, List<List<String>> rows, float[] widths, float size) throws IOException {
        row(header, widths, size, true, true);
        for (List<String> cells : rows) {
            float height = height(cells, widths, size, false);
            if (y - height < MARGIN + 20) {
                newPage();
                row(header, widths, size, true, true);
            }
            row(cells, widths, size, false, false);
        }
    }

    /** Signature blocks side by side: a line to sign on, then each block's lines below it. */
    void signatures(List<List<String>> blocks) throws IOException {
        float blockWidth = WIDTH / blocks.size();
        int lines = blocks.stream().mapToInt(List::size).max().orElse(0);
        room(40 + lines * 12f);
        y -= 36;
        for (int b = 0; b < blocks.size(); b++) {
            float x = MARGIN + b * blockWidth + 10;
            stream.setStrokingColor(Color.BLACK);
            stream.setLineWidth(0.6f);
            stream.moveTo(x, y);
            stream.lineTo(x + blockWidth - 30, y);
            stream.stroke();
            float lineY = y - 11;
            for (int i = 0; i < blocks.get(b).size(); i++) {
                PDType1Font font = i == 0 ? bold : regular;
                for (String line : wrap(printable(blocks.get(b).get(i), font), font, 8.5f, blockWidth - 30)) {
                    show(line, font, 8.5f, x, lineY - 1);
                    lineY -= 11;
                }
            }
        }
        y -= 12 + lines * 11f;
    }

    /** Closes the last page and writes "Página n de m" at the foot of every page. */
    void finish() throws IOException {
        stream.close();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = pageLabel.formatted(i + 1, pages);
                float width = regular.getStringWidth(text) / 1000 * 8;
                foot.beginText();
                foot.setFont(regular, 8);
                foot.newLineAtOffset(MARGIN + WIDTH - width, MARGIN - 22);
                foot.showText(text);
                foot.endText();
            }
        }
    }

    private void row(List<String> cells, float[] widths, float size, boolean strong, boolean shaded)
            throws IOException {
        float height = height(cells, widths, size, strong);
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            if (shaded) {
                stream.setNonStrokingColor(SHADE);
                stream.addRect(x, y - height, widths[c], height);
                stream.fill();
                stream.setNonStrokingColor(Color.BLACK);
            }
            stream.setStrokingColor(RULE);
            stream.setLineWidth(0.5f);
            stream.addRect(x, y - height, widths[c], height);
            stream.stroke();
            PDType1Font font = strong ? bold : regular;
            float lineY = y - PAD - size;
            String text = c < cells.size() ? cells.get(c) : "";
            for (String line : lines(text, font, size, widths[c] - 2 * PAD)) {
                show(line, font, size, x + PAD, lineY);
                lineY -= size + 2;
            }
            x += widths[c];
        }
        y -= height;
    }

    private float height(List<String> cells, float[] widths, float size, boolean strong) throws IOException {
        int most = 1;
        for (int c = 0; c < widths.length; c++) {
            String text = c < cells.size() ? cells.get(c) : "";
            most = Math.max(most, lines(text, strong ? bold : regular, size, widths[c] - 2 * PAD).size());
        }
        return most * (size + 2) + 2 * PAD;
    }

    private List<String> lines(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String part : text.split("\n")) {
            lines.addAll(wrap(printable(part, font), font, size, width));
        }
        return lines;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN + 15;
        if (pageHeader != null) {
            for (List<String> cells : pageHeader) {
                headerRow(cells);
            }
            y -= 14;
        }
    }

    private void headerRow(List<String> cells) throws IOException {
        float height = height(cells, pageHeaderWidths, 8.5f, false);
        float x = MARGIN;
        for (int c = 0; c < pageHeaderWidths.length; c++) {
            stream.setStrokingColor(Color.BLACK);
            stream.setLineWidth(0.8f);
            stream.addRect(x, y - height, pageHeaderWidths[c], height);
            stream.stroke();
            PDType1Font font = c == 0 ? bold : regular;
            float lineY = y - PAD - 8.5f;
            for (String line : lines(cells.get(c), font, 8.5f, pageHeaderWidths[c] - 2 * PAD)) {
                show(line, font, 8.5f, x + PAD, lineY);
                lineY -= 10.5f;
            }
            x += pageHeaderWidths[c];
        }
        y -= height;
    }

    private void show(String line, PDType1Font font, float size, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(line);
        stream.endText();
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
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
        text.replace('\t', ' ').replace('\r', ' ').codePoints().forEach(c -> {
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
