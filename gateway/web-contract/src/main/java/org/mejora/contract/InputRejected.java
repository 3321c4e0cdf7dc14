package org.mejora.contract;

import org.springframework.http.HttpStatus;

/** A request refused for its form, before any domain rule: answered as a problem naming the field and the rule. */
public class InputRejected extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String rule;
    private final transient Object[] arguments;

    public InputRejected(HttpStatus status, String field, String rule, Object... arguments) {
        super(rule + (field == null ? "" : " (" + field + ")"));
        this.status = status;
        this.field = field;
        this.rule = rule;
        this.arguments = arguments;
    }

    /** A 400 naming the field. */
    public static InputRejected badRequest(String field, String rule, Object... arguments) {
        return new InputRejected(HttpStatus.BAD_REQUEST, field, rule, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public Object[] arguments() {
        return arguments;
    }
}
