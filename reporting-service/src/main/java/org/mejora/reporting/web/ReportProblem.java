package org.mejora.reporting.web;

import org.springframework.http.HttpStatus;

/** A request this service answers with a problem: the status, a message key of messages.properties, its arguments. */
public class ReportProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] arguments;

    public ReportProblem(HttpStatus status, String code, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
    }

    public static ReportProblem notFound(String what, String id) {
        return new ReportProblem(HttpStatus.NOT_FOUND, "not-found", what, id);
    }

    public static ReportProblem forbidden() {
        return new ReportProblem(HttpStatus.FORBIDDEN, "forbidden");
    }

    public static ReportProblem badRequest(String field, String value) {
        return new ReportProblem(HttpStatus.BAD_REQUEST, "bad-parameter", field, value);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Object[] arguments() {
        return arguments;
    }
}
