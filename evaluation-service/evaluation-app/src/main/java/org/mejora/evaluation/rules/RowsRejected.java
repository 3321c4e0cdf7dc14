package org.mejora.evaluation.rules;

import java.util.List;

/** Some rows of a bulk request break a rule; nothing of the request was applied. Answered with 422 and every row. */
public class RowsRejected extends RuntimeException {

    /** A rejected row (1 = the first data row) and the rule it breaks. */
    public record Row(int row, String rule, Object... arguments) {
    }

    private final transient List<Row> rows;

    public RowsRejected(List<Row> rows) {
        super(rows.size() + " rows rejected");
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }
}
