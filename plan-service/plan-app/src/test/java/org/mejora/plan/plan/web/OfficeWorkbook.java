package org.mejora.plan.plan.web;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A workbook as an office fills it, built cell by cell with POI: text, numbers, date cells, formulas, shaded
 * cells and merged regions. Rows are lists of cells; a cell is a String, a Number, a LocalDate, a {@link Formula}
 * or a {@link Shaded} marker.
 */
final class OfficeWorkbook {

    record Formula(String expression) {
    }

    /** A cell filled with colour and no text: how some offices mark progress. */
    record Shaded() {
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle dateStyle;
    private final CellStyle shadedStyle;
    private Sheet sheet;

    OfficeWorkbook() {
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        shadedStyle = workbook.createCellStyle();
        shadedStyle.setFillForegroundColor(IndexedColors.LIGHT_GREEN.getIndex());
        shadedStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    OfficeWorkbook sheet(String name) {
        sheet = workbook.createSheet(name);
        return this;
    }

    /** Appends a row at the end of the current sheet. */
    OfficeWorkbook row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    OfficeWorkbook row(List<?> cells) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1);
        for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value == null || (value instanceof String s && s.isEmpty())) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof String s) {
                cell.setCellValue(s);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Formula f) {
                cell.setCellFormula(f.expression());
            } else if (value instanceof Shaded) {
                cell.setCellStyle(shadedStyle);
            } else {
                throw new IllegalArgumentException(value.toString());
            }
        }
        return this;
    }

    /** A blank row, as offices leave between blocks. */
    OfficeWorkbook blank() {
        return row();
    }

    /** Tab-separated lines of a seed, one row per line. */
    OfficeWorkbook lines(String text) {
        for (String line : text.split("\n", -1)) {
            row(new ArrayList<>(Arrays.asList(line.split("\t", -1))));
        }
        return this;
    }

    /** Merges rows {@code first..last} (0-based) of one column of the current sheet. */
    OfficeWorkbook mergeDown(int first, int last, int column) {
        sheet.addMergedRegion(new CellRangeAddress(first, last, column, column));
        return this;
    }

    OfficeWorkbook mergeRight(int row, int first, int last) {
        sheet.addMergedRegion(new CellRangeAddress(row, row, first, last));
        return this;
    }

    int lastRow() {
        return sheet.getLastRowNum();
    }

    byte[] bytes() {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Spreadsheet read(String name) {
        return Spreadsheet.read(bytes(), name);
    }
}
