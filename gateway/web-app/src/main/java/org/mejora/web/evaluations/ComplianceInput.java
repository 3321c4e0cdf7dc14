package org.mejora.web.evaluations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-evaluation as typed: per goal ({@code compliance[0].goalNumber}, fixed), the % achieved and its evidence;
 * the supervisor's modification carries a reason. Every goal is sent, so the API's row numbers are the form's.
 */
public record ComplianceInput(List<Row> compliance, String reason) {

    public record Row(String goalNumber, String compliancePercent, String evidence) {

        Map<String, Object> json() {
            Map<String, Object> row = new HashMap<>();
            row.put("goalNumber", Values.typed(goalNumber));
            row.put("compliancePercent", Values.typed(compliancePercent));
            row.put("evidence", Values.blankToNull(evidence));
            return row;
        }
    }

    List<Row> rows() {
        return compliance == null ? List.of() : compliance;
    }

    Map<String, Object> json() {
        Map<String, Object> body = new HashMap<>();
        body.put("compliance", rows().stream().map(Row::json).toList());
        body.put("reason", Values.blankToNull(reason));
        return body;
    }

    /** One row per goal: what was reported before (a rejected or modified self-evaluation), else empty. */
    static List<Row> startingFrom(List<EvaluationSheet.Goal> goals, List<EvaluationSheet.Compliance> before) {
        return goals.stream().map(goal -> before.stream().filter(c -> c.goalNumber() == goal.number()).findFirst()
                        .map(c -> new Row(String.valueOf(goal.number()), c.compliancePercent(), c.evidence()))
                        .orElse(new Row(String.valueOf(goal.number()), "", "")))
                .toList();
    }
}
