package org.mejora.web.evaluations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The goals form as typed ({@code goals[0].description}, ...), kept as text so a refused form shows what was typed.
 * Rows left entirely blank are not goals; the supervisor's modification carries a reason.
 */
public record GoalsInput(List<Row> goals, String reason) {

    public record Row(String description, String deliverable, String weight, String agreedPercentI,
                      String agreedPercentII) {

        static Row blank() {
            return new Row("", "", "", "", "");
        }

        static Row of(EvaluationSheet.Goal goal) {
            return new Row(goal.description(), goal.deliverable(), goal.weight(), goal.agreedPercentI(),
                    goal.agreedPercentII());
        }

        boolean isBlank() {
            return isBlank(description) && isBlank(deliverable) && isBlank(weight) && isBlank(agreedPercentI)
                    && isBlank(agreedPercentII);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }

        Map<String, Object> json() {
            Map<String, Object> goal = new HashMap<>();
            goal.put("description", Values.blankToNull(description));
            goal.put("deliverable", Values.blankToNull(deliverable));
            goal.put("weight", Values.typed(weight));
            goal.put("agreedPercentI", Values.typed(agreedPercentI));
            goal.put("agreedPercentII", Values.typed(agreedPercentII));
            return goal;
        }
    }

    /** The rows that hold something, in order: the API numbers the goals, and names its problems, by them. */
    List<Row> filled() {
        return goals == null ? List.of() : goals.stream().filter(row -> row != null && !row.isBlank()).toList();
    }

    /** What was typed plus an empty row for one more goal. */
    List<Row> withOneMore() {
        List<Row> rows = new ArrayList<>(filled());
        rows.add(Row.blank());
        return rows;
    }

    Map<String, Object> json() {
        Map<String, Object> body = new HashMap<>();
        body.put("goals", filled().stream().map(Row::json).toList());
        body.put("reason", Values.blankToNull(reason));
        return body;
    }

    /** The form for a servant who formulates again: what they had, or two empty rows to start with. */
    static List<Row> startingFrom(List<EvaluationSheet.Goal> goals) {
        return goals.isEmpty() ? List.of(Row.blank(), Row.blank()) : goals.stream().map(Row::of).toList();
    }
}
