package org.mejora.web.evaluations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The form that opens a cycle, as typed: year and name, the three stages' deadlines, the rating scale's levels
 * ({@code scale[0].name}, ...), the goals and competencies weights, the threshold level and the competencies to
 * rate, one per line.
 */
public record CycleInput(String year, String name, String formulation, String selfEvaluationI,
                         String selfEvaluationII, List<Level> scale, String goalsWeight, String competenciesWeight,
                         String thresholdLevel, String competencies) {

    public record Level(String name, String minScore, String maxScore) {

        boolean isBlank() {
            return (name == null || name.isBlank()) && (minScore == null || minScore.isBlank())
                    && (maxScore == null || maxScore.isBlank());
        }
    }

    /**
     * A starting point from P-TH-10's calendar: goals in the first quarter, the first follow-up in the first half,
     * the second in the first two months of the next year; a three-level scale with its threshold.
     */
    static CycleInput suggested(int year, List<String> levelNames) {
        return new CycleInput(String.valueOf(year), "", year + "-03-31", year + "-07-31", (year + 1) + "-02-28",
                List.of(new Level(levelNames.get(0), "0", "65"), new Level(levelNames.get(1), "65", "90"),
                        new Level(levelNames.get(2), "90", "100")),
                "80", "20", levelNames.get(1), "");
    }

    List<Level> levels() {
        return scale == null ? List.of() : scale.stream().filter(level -> level != null && !level.isBlank()).toList();
    }

    CycleInput withOneMoreLevel() {
        List<Level> levels = new ArrayList<>(levels());
        levels.add(new Level("", "", ""));
        return new CycleInput(year, name, formulation, selfEvaluationI, selfEvaluationII, levels, goalsWeight,
                competenciesWeight, thresholdLevel, competencies);
    }

    CycleInput compacted() {
        return new CycleInput(year, name, formulation, selfEvaluationI, selfEvaluationII, levels(), goalsWeight,
                competenciesWeight, thresholdLevel, competencies);
    }

    /** The body of {@code POST /api/cycles}; a year that is no number is sent as 0, which the API refuses. */
    Map<String, Object> json() {
        Map<String, Object> body = new HashMap<>();
        body.put("year", Values.typed(year) == null ? 0 : Values.typed(year).intValue());
        body.put("name", Values.blankToNull(name));
        body.put("stages", List.of(stage("FORMULATION", formulation), stage("SELF_EVALUATION_I", selfEvaluationI),
                stage("SELF_EVALUATION_II", selfEvaluationII)));
        body.put("scale", levels().stream().map(level -> {
            Map<String, Object> json = new HashMap<>();
            json.put("name", Values.blankToNull(level.name()));
            json.put("minScore", Values.typed(level.minScore()));
            json.put("maxScore", Values.typed(level.maxScore()));
            return json;
        }).toList());
        body.put("goalsWeight", Values.typed(goalsWeight));
        body.put("competenciesWeight", Values.typed(competenciesWeight));
        body.put("thresholdLevel", Values.blankToNull(thresholdLevel));
        body.put("competencies", competencies == null ? List.of() : Arrays.stream(competencies.split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList());
        return body;
    }

    private static Map<String, Object> stage(String stage, String deadline) {
        Map<String, Object> json = new HashMap<>();
        json.put("stage", stage);
        json.put("deadline", Values.blankToNull(deadline));
        return json;
    }
}
