package org.mejora.web.evaluations;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static org.mejora.web.evaluations.Values.map;
import static org.mejora.web.evaluations.Values.maps;
import static org.mejora.web.evaluations.Values.number;
import static org.mejora.web.evaluations.Values.text;

/**
 * One servant's evaluation as the page shows it (from {@code GET /api/evaluations/{id}}): the current goals,
 * compliance and ratings, each supervisor's modification beside the servant's original, the result on the cycle's
 * scale. The scale, weights, threshold and competencies come from the evaluation's opening step, which copied them
 * from the cycle: a servant may not read the cycle itself. {@code changeReasons} holds the supervisor's reason for
 * the latest modification of the goals ({@code goals}) and of each self-evaluation ({@code I}, {@code II}).
 */
public record EvaluationSheet(String evaluationId, String cycleId, int year, String servantId, String servantName,
                              String supervisorId, String supervisorName, Status status, List<Goal> goals,
                              List<Change> goalChanges, List<Compliance> complianceI, List<Change> complianceIChanges,
                              List<Compliance> complianceII, List<Change> complianceIIChanges, List<Rating> ratings,
                              Result result, List<Level> scale, String thresholdLevel, List<String> competencies,
                              String goalsWeight, String competenciesWeight, boolean improvementPlanRequired,
                              String consolidatedAt, LastStep lastStep, Map<String, String> changeReasons) {

    public record Goal(int number, String description, String deliverable, String weight, String agreedPercentI,
                       String agreedPercentII) {
    }

    /** A goal's compliance in one follow-up, with what was agreed for it. */
    public record Compliance(int goalNumber, String goal, String agreedPercent, String compliancePercent,
                             String evidence) {
    }

    /**
     * One line of a side-by-side: the item (a goal's number), the field (a message key), the servant's value and
     * the supervisor's.
     */
    public record Change(int item, String field, String original, String modified) {

        public boolean changed() {
            return !Objects.equals(original, modified);
        }

        /** The first line of an item starts its group in the table. */
        public boolean first() {
            return "description".equals(field) || "compliancePercent".equals(field);
        }
    }

    public record Rating(String competency, String score, String comment, String level) {
    }

    public record Result(String goalsScore, String competenciesScore, String finalScore, String ratingLevel,
                         boolean belowThreshold) {
    }

    /** A level of the cycle's scale; {@code reached} marks the servant's, {@code threshold} the minimum level. */
    public record Level(String name, String minScore, String maxScore, boolean threshold, boolean reached) {
    }

    /** The latest step, as the evaluation recorded it: what, who, when and why. */
    public record LastStep(String step, String followUp, String actorName, String at, String reason) {
    }

    static final String DISAGREEMENT = "final-result";

    static EvaluationSheet of(Map<String, Object> evaluation, ZoneId zone) {
        List<Map<String, Object>> steps = maps(evaluation.get("steps"));
        Map<String, Object> opened = steps.stream().filter(step -> "EvaluationOpened".equals(step.get("step")))
                .findFirst().map(step -> map(step.get("detail"))).orElse(Map.of());
        List<Goal> goals = goals(evaluation.get("goals"));
        List<Goal> original = evaluation.get("goalsOriginal") == null ? null : goals(evaluation.get("goalsOriginal"));
        String ratingLevel = text(evaluation.get("ratingLevel"));
        String thresholdLevel = text(opened.get("thresholdLevel"));
        List<Map<String, Object>> scaleLevels = maps(opened.get("scale"));
        List<Level> scale = scaleLevels.stream()
                .map(level -> new Level(text(level.get("name")), number(level.get("minScore")),
                        number(level.get("maxScore")), Objects.equals(thresholdLevel, level.get("name")),
                        Objects.equals(ratingLevel, level.get("name"))))
                .toList();
        List<Rating> ratings = maps(evaluation.get("competencyRatings")).stream()
                .map(rating -> new Rating(text(rating.get("competency")), number(rating.get("score")),
                        text(rating.get("comment")), levelOf(rating.get("score"), scaleLevels)))
                .toList();
        Result result = evaluation.get("finalScore") == null ? null
                : new Result(number(evaluation.get("goalsScore")), number(evaluation.get("competenciesScore")),
                number(evaluation.get("finalScore")), ratingLevel,
                Boolean.TRUE.equals(evaluation.get("belowThreshold")));
        Map<String, Object> last = steps.isEmpty() ? Map.of() : steps.get(steps.size() - 1);
        return new EvaluationSheet(text(evaluation.get("evaluationId")), text(evaluation.get("cycleId")),
                ((Number) evaluation.get("year")).intValue(), text(evaluation.get("servantId")),
                text(evaluation.get("servantName")), text(evaluation.get("supervisorId")),
                text(evaluation.get("supervisorName")), Status.of(evaluation.get("status")), goals,
                original == null ? List.of() : goalChanges(original, goals),
                compliance(evaluation.get("complianceI"), goals, Goal::agreedPercentI),
                complianceChanges(evaluation.get("complianceIOriginal"), evaluation.get("complianceI")),
                compliance(evaluation.get("complianceII"), goals, Goal::agreedPercentII),
                complianceChanges(evaluation.get("complianceIIOriginal"), evaluation.get("complianceII")),
                ratings, result, scale, thresholdLevel,
                strings(opened.get("competencies")),
                number(opened.get("goalsWeight")), number(opened.get("competenciesWeight")),
                Boolean.TRUE.equals(evaluation.get("improvementPlanRequired")),
                Values.moment(evaluation.get("consolidatedAt"), zone),
                last.isEmpty() ? null : new LastStep(text(last.get("step")), text(map(last.get("detail")).get("followUp")),
                        text(last.get("actorName")), Values.moment(last.get("occurredAt"), zone),
                        text(last.get("reason"))),
                changeReasons(steps));
    }

    /**
     * The reason of the latest modification of each part, as the supervisor gave it, and under {@code final-result}
     * the servant's disagreement with a final result not accepted and not yet settled (accepted or consolidated).
     */
    private static Map<String, String> changeReasons(List<Map<String, Object>> steps) {
        Map<String, String> reasons = new HashMap<>();
        for (Map<String, Object> step : steps) {
            String reason = text(step.get("reason"));
            if ("GoalsModified".equals(step.get("step"))) {
                reasons.put("goals", reason);
            } else if ("SelfEvaluationModified".equals(step.get("step"))) {
                reasons.put(text(map(step.get("detail")).get("followUp")), reason);
            } else if ("FinalResultNotAccepted".equals(step.get("step"))) {
                reasons.put(DISAGREEMENT, reason);
            } else if ("FinalResultAccepted".equals(step.get("step"))
                    || "EvaluationConsolidated".equals(step.get("step"))) {
                reasons.remove(DISAGREEMENT);
            }
        }
        reasons.values().removeIf(Objects::isNull);
        return reasons;
    }

    /** The follow-up the evaluation is in, for forms and actions: I before the first is accepted, II after. */
    public String followUp() {
        return status.isPast(Status.SELF_EVALUATION_I_AWAITING_ACCEPTANCE) ? "II" : "I";
    }

    public List<Compliance> compliance(String followUp) {
        return "I".equals(followUp) ? complianceI : complianceII;
    }

    public List<Change> complianceChanges(String followUp) {
        return "I".equals(followUp) ? complianceIChanges : complianceIIChanges;
    }

    /** The servant's own goals beside the supervisor's version, field by field, goals added or removed included. */
    private static List<Change> goalChanges(List<Goal> original, List<Goal> modified) {
        List<Change> changes = new ArrayList<>();
        for (int number : numbers(original.stream().map(Goal::number).toList(),
                modified.stream().map(Goal::number).toList())) {
            Goal before = byNumber(original, number, Goal::number);
            Goal after = byNumber(modified, number, Goal::number);
            changes.add(new Change(number, "description", field(before, Goal::description),
                    field(after, Goal::description)));
            changes.add(new Change(number, "deliverable", field(before, Goal::deliverable),
                    field(after, Goal::deliverable)));
            changes.add(new Change(number, "weight", field(before, Goal::weight), field(after, Goal::weight)));
            changes.add(new Change(number, "agreedPercentI", field(before, Goal::agreedPercentI),
                    field(after, Goal::agreedPercentI)));
            changes.add(new Change(number, "agreedPercentII", field(before, Goal::agreedPercentII),
                    field(after, Goal::agreedPercentII)));
        }
        return changes;
    }

    private static List<Change> complianceChanges(Object originalJson, Object modifiedJson) {
        if (originalJson == null) {
            return List.of();
        }
        List<Map<String, Object>> original = maps(originalJson);
        List<Map<String, Object>> modified = maps(modifiedJson);
        List<Change> changes = new ArrayList<>();
        for (int number : numbers(original.stream().map(EvaluationSheet::goalNumber).toList(),
                modified.stream().map(EvaluationSheet::goalNumber).toList())) {
            Map<String, Object> before = byNumber(original, number, EvaluationSheet::goalNumber);
            Map<String, Object> after = byNumber(modified, number, EvaluationSheet::goalNumber);
            changes.add(new Change(number, "compliancePercent", before == null ? null : number(before.get(
                    "compliancePercent")), after == null ? null : number(after.get("compliancePercent"))));
            changes.add(new Change(number, "evidence", before == null ? null : text(before.get("evidence")),
                    after == null ? null : text(after.get("evidence"))));
        }
        return changes;
    }

    private static List<Goal> goals(Object json) {
        return maps(json).stream()
                .map(goal -> new Goal(((Number) goal.get("number")).intValue(), text(goal.get("description")),
                        text(goal.get("deliverable")), number(goal.get("weight")), number(goal.get("agreedPercentI")),
                        number(goal.get("agreedPercentII"))))
                .toList();
    }

    private static List<Compliance> compliance(Object json, List<Goal> goals, Function<Goal, String> agreed) {
        return maps(json).stream().map(item -> {
            Goal goal = byNumber(goals, goalNumber(item), Goal::number);
            return new Compliance(goalNumber(item), goal == null ? null : goal.description(),
                    goal == null ? null : agreed.apply(goal), number(item.get("compliancePercent")),
                    text(item.get("evidence")));
        }).toList();
    }

    /** The scale level a 0-100 score falls in: from its minimum inclusive to its maximum exclusive, 100 in the top. */
    private static String levelOf(Object score, List<Map<String, Object>> scale) {
        if (score == null) {
            return null;
        }
        BigDecimal value = Values.decimal(score);
        for (int i = 0; i < scale.size(); i++) {
            Map<String, Object> level = scale.get(i);
            boolean top = i == scale.size() - 1;
            BigDecimal max = Values.decimal(level.get("maxScore"));
            if (value.compareTo(Values.decimal(level.get("minScore"))) >= 0
                    && (value.compareTo(max) < 0 || (top && value.compareTo(max) == 0))) {
                return text(level.get("name"));
            }
        }
        return null;
    }

    private static int goalNumber(Map<String, Object> item) {
        return ((Number) item.get("goalNumber")).intValue();
    }

    private static Set<Integer> numbers(List<Integer> first, List<Integer> second) {
        Set<Integer> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    private static <T> T byNumber(List<T> items, int number, Function<T, Integer> numberOf) {
        return items.stream().filter(item -> numberOf.apply(item) == number).findFirst().orElse(null);
    }

    private static String field(Goal goal, Function<Goal, String> value) {
        return goal == null ? null : value.apply(goal);
    }

    private static List<String> strings(Object json) {
        return json instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
