package org.mejora.plan.plan.web;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** XLSX workbooks built from the seeds' text: one sheet per part, one row per line, one cell per tab. */
final class SeedWorkbooks {

    private SeedWorkbooks() {
    }

    static String seed(String prefix) {
        return PlanWorkbookTest.seed(prefix);
    }

    /** Seed 003 as its two sheets: the plan and "SEGUIMIENTO AVANCES". */
    static Map<String, String> cafSheets(String text) {
        int followUp = text.indexOf("SEGUIMIENTO AVANCES");
        Map<String, String> sheets = new LinkedHashMap<>();
        sheets.put("PLAN DE MEJORA", text.substring(0, followUp));
        sheets.put("SEGUIMIENTO", text.substring(followUp));
        return sheets;
    }

    static byte[] xlsx(Map<String, String> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, text) -> {
                Sheet sheet = workbook.createSheet(name);
                String[] lines = text.split("\n", -1);
                for (int r = 0; r < lines.length; r++) {
                    Row row = sheet.createRow(r);
                    String[] cells = lines[r].split("\t", -1);
                    for (int c = 0; c < cells.length; c++) {
                        if (!cells[c].isEmpty()) {
                            row.createCell(c).setCellValue(cells[c]);
                        }
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the cells of one line (found by its first cell) of a tab-separated text. */
    static String withRow(String text, String startsWith, java.util.function.UnaryOperator<String[]> change) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(startsWith)) {
                lines[i] = String.join("\t", change.apply(lines[i].split("\t", -1)));
                return String.join("\n", lines);
            }
        }
        throw new IllegalArgumentException("no line starting with " + startsWith);
    }
}
