package org.mejora.plan.rules;

import org.mejora.contract.RuleViolation;

/** Small guards that aggregates use before they apply an event. */
public final class Require {

    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("field.required", field, field);
        }
        return value.strip();
    }
}
