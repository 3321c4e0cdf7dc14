package org.mejora.plan.plan.web;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mejora.plan.web.ImportRejected;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A workbook as rows of cell texts: XLSX through Apache POI, CSV or TSV as plain text. Formulas are evaluated
 * (their cached result when POI cannot evaluate them) and date cells become ISO days, so that both read like
 * typed values. Which cells are covered by a merge (not its first cell) and which are shaded is kept too: a
 * merged finding cell continues the finding above, and a shaded progress cell is a mark.
 */
record Spreadsheet(List<Tab> tabs) {

    /**
     * One sheet; {@code rows.get(i)} is the spreadsheet's row {@code i + 1}.
     *
     * @param merged cells inside a merged region other than its first one, as {@link #key(int, int)}; null for
     *               a text file, which cannot say
     * @param shaded cells with a solid, non-white fill
     */
    record Tab(String name, List<List<String>> rows, Set<Long> merged, Set<Long> shaded) {

        Tab(String name, List<List<String>> rows) {
            this(name, rows, null, Set.of());
        }

        String cell(int row, int column) {
            if (row < 0 || row >= rows.size()) {
                return "";
            }
            List<String> cells = rows.get(row);
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        /** Whether a blank cell is blank because a merge above or to the left covers it; unknown for text files. */
        boolean coveredByMerge(int row, int column) {
            return merged != null && merged.contains(key(row, column));
        }

        boolean knowsMerges() {
            return merged != null;
        }

        boolean shaded(int row, int column) {
            return shaded.contains(key(row, column));
        }

        int width(int row) {
            return row < 0 || row >= rows.size() ? 0 : rows.get(row).size();
        }
    }

    static long key(int row, int column) {
        return ((long) row << 20) | column;
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
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<Tab> tabs = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                Set<Long> shaded = new HashSet<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(text(cell, formatter, evaluator));
                            if (cell != null && shaded(cell.getCellStyle())) {
                                shaded.add(key(r, c));
                            }
                        }
                    }
                    rows.add(cells);
                }
                tabs.add(new Tab(sheet.getSheetName(), rows, merged(sheet), shaded));
            }
            return new Spreadsheet(tabs);
        } catch (IOException | RuntimeException e) {
            throw unreadable(name);
        }
    }

    private static Set<Long> merged(Sheet sheet) {
        Set<Long> covered = new HashSet<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    if (r != region.getFirstRow() || c != region.getFirstColumn()) {
                        covered.add(key(r, c));
                    }
                }
            }
        }
        return covered;
    }

    private static boolean shaded(CellStyle style) {
        if (style == null || style.getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
            return false;
        }
        if (style.getFillForegroundColorColor() instanceof XSSFColor color && color.getRGB() != null) {
            byte[] rgb = color.getRGB();
            return !(rgb[0] == (byte) 0xFF && rgb[1] == (byte) 0xFF && rgb[2] == (byte) 0xFF);
        }
        return style.getFillForegroundColor() != org.apache.poi.ss.usermodel.IndexedColors.WHITE.getIndex()
                && style.getFillForegroundColor() != org.apache.poi.ss.usermodel.IndexedColors.AUTOMATIC.getIndex();
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            try {
                type = evaluator.evaluateFormulaCell(cell);
            } catch (RuntimeException notEvaluable) {
                // functions POI does not implement keep the value Excel cached when it saved the file
                type = cell.getCachedFormulaResultType();
            }
            if (type == CellType.ERROR) {
                return "";
            }
        }
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return switch (type) {
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString()).strip();
                case STRING -> cell.getStringCellValue().strip();
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                default -> "";
            };
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
