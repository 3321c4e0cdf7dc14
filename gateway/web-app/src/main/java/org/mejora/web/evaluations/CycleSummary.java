package org.mejora.web.evaluations;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.mejora.web.evaluations.Values.maps;
import static org.mejora.web.evaluations.Values.number;
import static org.mejora.web.evaluations.Values.text;

/** A cycle as HR and auditors see it (from {@code GET /api/cycles}): its terms and each stage's deadline. */
public record CycleSummary(String cycleId, int year, String name, String goalsWeight, String competenciesWeight,
                           String thresholdLevel, List<Level> scale, List<String> competencies, boolean consolidated,
                           String consolidatedBy, List<Stage> stages) {

    public record Level(String name, String minScore, String maxScore, boolean threshold) {
    }

    public record Stage(String stage, LocalDate deadline, boolean closed, String closedBy, String closeReason) {
    }

    static CycleSummary of(Map<String, Object> cycle) {
        String threshold = text(cycle.get("thresholdLevel"));
        return new CycleSummary(text(cycle.get("cycleId")), ((Number) cycle.get("year")).intValue(),
                text(cycle.get("name")), number(cycle.get("goalsWeight")), number(cycle.get("competenciesWeight")),
                threshold,
                maps(cycle.get("scale")).stream().map(level -> new Level(text(level.get("name")),
                        number(level.get("minScore")), number(level.get("maxScore")),
                        threshold != null && threshold.equals(level.get("name")))).toList(),
                cycle.get("competencies") instanceof List<?> names ? names.stream().map(String::valueOf).toList()
                        : List.of(),
                cycle.get("consolidatedAt") != null, text(cycle.get("consolidatedBy")),
                maps(cycle.get("stages")).stream().map(stage -> new Stage(text(stage.get("stage")),
                        stage.get("deadline") == null ? null : LocalDate.parse(text(stage.get("deadline"))),
                        stage.get("closedAt") != null, text(stage.get("closedBy")),
                        text(stage.get("closeReason")))).toList());
    }

    static List<CycleSummary> all(List<Map<String, Object>> cycles) {
        return cycles.stream().map(CycleSummary::of)
                .sorted(Comparator.comparing(CycleSummary::year).reversed()).toList();
    }
}
