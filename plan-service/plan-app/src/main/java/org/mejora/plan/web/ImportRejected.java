package org.mejora.plan.web;

import java.util.List;

/** A spreadsheet that cannot be imported as a whole: every cell that could not be read, and why (422). */
public class ImportRejected extends RuntimeException {

    /**
     * @param sheet  the sheet's name ("PLAN", "SEGUIMIENTO" or the workbook's own name)
     * @param row    1-based row number as the spreadsheet shows it
     * @param column the column's header as the file writes it
     * @param rule   the message code of the reason
     */
    public record CellError(String sheet, int row, String column, String value, String rule, Object... arguments) {
    }

    private final transient List<CellError> errors;

    public ImportRejected(List<CellError> errors) {
        super(errors.size() + " unreadable cells");
        this.errors = List.copyOf(errors);
    }

    public List<CellError> errors() {
        return errors;
    }
}
