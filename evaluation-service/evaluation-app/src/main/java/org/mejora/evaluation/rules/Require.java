package org.mejora.evaluation.rules;

import org.mejora.contract.RuleViolation;

import java.math.BigDecimal;

/** Small guards that aggregates use before they apply an event. */
public final class Require {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("field.required", field, field);
        }
        return value.strip();
    }

    /** A percentage from 0 to 100. */
    public static BigDecimal percent(BigDecimal value, String field) {
        if (value == null) {
            throw RuleViolation.invalid("field.required", field, field);
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw RuleViolation.invalid("percent.out-of-range", field, field, value);
        }
        return value;
    }

    /** Weights that must add up to exactly 100 %. */
    public static void sumsToHundred(BigDecimal sum, String field) {
        if (sum.compareTo(HUNDRED) != 0) {
            throw RuleViolation.invalid("weights.must-sum-100", field, field, sum);
        }
    }
}
