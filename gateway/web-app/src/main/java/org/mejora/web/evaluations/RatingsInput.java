package org.mejora.web.evaluations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The supervisor's ratings as typed: per competency of the cycle ({@code ratings[0].competency}), 0-100. */
public record RatingsInput(List<Row> ratings) {

    public record Row(String competency, String score, String comment) {

        Map<String, Object> json() {
            Map<String, Object> row = new HashMap<>();
            row.put("competency", competency);
            row.put("score", Values.typed(score));
            row.put("comment", Values.blankToNull(comment));
            return row;
        }
    }

    List<Row> rows() {
        return ratings == null ? List.of() : ratings;
    }

    Map<String, Object> json() {
        return Map.of("ratings", rows().stream().map(Row::json).toList());
    }

    static List<Row> startingFrom(List<String> competencies) {
        return competencies.stream().map(name -> new Row(name, "", "")).toList();
    }
}
