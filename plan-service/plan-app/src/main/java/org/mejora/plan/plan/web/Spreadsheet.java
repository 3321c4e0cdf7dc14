package org.mejora.plan.plan.web;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mejora.plan.web.ImportRejected;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A workbook as rows of cell texts: XLSX through Apache POI, CSV or TSV as plain text. Date cells become ISO days
 * so that they read like typed dates.
 */
record Spreadsheet(List<Tab> tabs) {

    /** One sheet; {@code rows.get(i)} is the spreadsheet's row {@code i + 1}. */
    record Tab(String name, List<List<String>> rows) {

        String cell(int row, int column) {
            List<String> cells = rows.get(row);
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
    }

    static Spreadsheet read(byte[] file, String name) {
        if (file == null || file.length == 0) {
            throw unreadable(name);
        }
        if (file.length > 3 && file[0] == 'P' && file[1] == 'K') {
            return xlsx(file, name);
        }
        return text(new String(file, StandardCharsets.UTF_8), name);
    }

    private static Spreadsheet xlsx(byte[] file, String name) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            List<Tab> tabs = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            cells.add(text(row.getCell(c), formatter));
                        }
                    }
                    rows.add(cells);
                }
                tabs.add(new Tab(sheet.getSheetName(), rows));
            }
            return new Spreadsheet(tabs);
        } catch (IOException | RuntimeException e) {
            throw unreadable(name);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** CSV (comma or semicolon) or TSV, with RFC 4180 quotes; any tab makes it TSV, else the commoner of ; and ,. */
    private static Spreadsheet text(String content, String name) {
        String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
        char delimiter = '\t';
        long tabs = body.chars().filter(c -> c == '\t').count();
        long semicolons = body.chars().filter(c -> c == ';').count();
        long commas = body.chars().filter(c -> c == ',').count();
        if (tabs == 0) {
            delimiter = semicolons > commas ? ';' : ',';
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                row.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString().strip());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString().strip());
            rows.add(row);
        }
        return new Spreadsheet(List.of(new Tab(name == null ? "1" : name, rows)));
    }

    private static ImportRejected unreadable(String name) {
        return new ImportRejected(List.of(new ImportRejected.CellError(name, 0, null, null, "import.format")));
    }
}
