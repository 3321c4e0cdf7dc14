package org.mejora.evaluation.api.state;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@link EntityFacts} of a cycle and of an evaluation. */
public final class EvaluationFacts {

    public static final String CYCLE = "EvaluationCycle";
    public static final String EVALUATION = "Evaluation";

    private EvaluationFacts() {
    }

    /** A score as views keep it (two decimals) and as it is compared: {@code 61.5}, {@code 90}. */
    public static String score(BigDecimal score) {
        return score.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public static EntityFacts of(CycleState cycle) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("assignments", String.valueOf(cycle.assignments()));
        if (!cycle.closedStages().isEmpty()) {
            values.put("closedStages", cycle.closedStages().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(",")));
        }
        return new EntityFacts(CYCLE, cycle.cycleId(), null, cycle.status().name(), null, null, null, false, values);
    }

    public static EntityFacts of(EvaluationState evaluation) {
        Map<String, String> values = new LinkedHashMap<>();
        if (evaluation.result() != null) {
            values.put("finalScore", score(evaluation.result().finalScore()));
            values.put("ratingLevel", evaluation.result().ratingLevel());
        }
        if (evaluation.improvementPlanRequired()) {
            values.put("improvementPlanRequired", "true");
        }
        return new EntityFacts(EVALUATION, evaluation.evaluationId(), evaluation.cycleId(),
                evaluation.status().name(), null, null, null, false, values);
    }
}
