package org.mejora.contract;

import java.util.Arrays;

/**
 * A command broke a rule of the domain. The {@link #rule()} is a stable code that clients can act on and that
 * names the user-facing message (messages*.properties, Spanish by default, English on request).
 */
public class RuleViolation extends RuntimeException {

    /**
     * Whether the command clashes with the current state (409), its content breaks a rule (422), or the acting
     * person is not the one the step belongs to (403).
     */
    public enum Kind { ILLEGAL_TRANSITION, INVALID, FORBIDDEN }

    private final Kind kind;
    private final String rule;
    private final String field;
    private final Object[] arguments;

    private RuleViolation(Kind kind, String rule, String field, Object... arguments) {
        super(rule + (field == null ? "" : " [" + field + "]") + " " + Arrays.toString(arguments));
        this.kind = kind;
        this.rule = rule;
        this.field = field;
        this.arguments = arguments;
    }

    /** The command is not allowed in the aggregate's current state. */
    public static RuleViolation illegalTransition(String rule, Object... arguments) {
        return new RuleViolation(Kind.ILLEGAL_TRANSITION, rule, null, arguments);
    }

    /** The value of {@code field} breaks {@code rule}. */
    public static RuleViolation invalid(String rule, String field, Object... arguments) {
        return new RuleViolation(Kind.INVALID, rule, field, arguments);
    }

    /** The acting user is not the person this step belongs to. */
    public static RuleViolation forbidden(String rule, Object... arguments) {
        return new RuleViolation(Kind.FORBIDDEN, rule, null, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
