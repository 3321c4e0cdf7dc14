package org.mejora.web.evaluations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Servants and the supervisor who evaluates each, as typed in the form ({@code assignments[0].servantId}, ...). */
public record AssignmentsInput(List<Row> assignments) {

    public record Row(String servantId, String servantName, String supervisorId, String supervisorName) {

        static Row blank() {
            return new Row("", "", "", "");
        }

        boolean isBlank() {
            return blank(servantId) && blank(servantName) && blank(supervisorId) && blank(supervisorName);
        }

        Map<String, Object> json() {
            return Map.of("servantId", strip(servantId), "servantName", strip(servantName),
                    "supervisorId", strip(supervisorId), "supervisorName", strip(supervisorName));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static String strip(String value) {
            return value == null ? "" : value.strip();
        }
    }

    /** The rows that hold something: the API numbers its row problems by them, from 1. */
    List<Row> filled() {
        return assignments == null ? List.of()
                : assignments.stream().filter(row -> row != null && !row.isBlank()).toList();
    }

    List<Row> withOneMore() {
        List<Row> rows = new ArrayList<>(filled());
        rows.add(Row.blank());
        return rows;
    }

    Map<String, Object> json() {
        return Map.of("assignments", filled().stream().map(Row::json).toList());
    }

    static List<Row> empty() {
        return List.of(Row.blank(), Row.blank(), Row.blank());
    }
}
