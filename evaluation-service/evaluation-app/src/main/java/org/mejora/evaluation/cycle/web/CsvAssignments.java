package org.mejora.evaluation.cycle.web;

import org.mejora.evaluation.cycle.command.Assignment;
import org.mejora.evaluation.rules.RowsRejected;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bulk assignment CSV {@code servantId,servantName,supervisorId,supervisorName}, with or without that
 * header line. Rows with the wrong number of columns are all reported together; the domain checks the rest.
 */
final class CsvAssignments {

    private static final String HEADER = "servantId,servantName,supervisorId,supervisorName";

    private CsvAssignments() {
    }

    static List<Assignment> parse(String csv) {
        List<Assignment> rows = new ArrayList<>();
        List<RowsRejected.Row> malformed = new ArrayList<>();
        String[] lines = csv == null ? new String[0] : csv.strip().split("\\R");
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.replace(" ", "").equalsIgnoreCase(HEADER))) {
                continue;
            }
            row++;
            List<String> cells = cells(line);
            if (cells.size() != 4) {
                malformed.add(new RowsRejected.Row(row, "assignments.malformed-row", row));
                continue;
            }
            rows.add(new Assignment(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
        }
        if (!malformed.isEmpty()) {
            throw new RowsRejected(malformed);
        }
        return rows;
    }

    /** Comma-separated cells; a cell in double quotes may hold commas and doubled quotes. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
