package org.mejora.evaluation.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mejora.evaluation.rules.RowsRejected;
import org.mejora.evaluation.rules.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problems for everything a client can get wrong: 400 malformed (naming each field), 403, 404 unknown id,
 * 409 illegal transition or concurrent modification, 422 a rule of the domain. Messages follow Accept-Language.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail ruleViolated(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(violation.rule(), violation.arguments(), violation.rule(),
                        LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:mejora:rule:" + violation.rule()));
        problem.setProperty("rule", violation.rule());
        if (violation.field() != null) {
            problem.setProperty("field", violation.field());
        }
        return problem;
    }

    /** Bulk assignments report every bad row at once. */
    @ExceptionHandler
    ProblemDetail rowsRejected(RowsRejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                message("assignments.rows-rejected"));
        problem.setType(URI.create("urn:mejora:rule:assignments.rows-rejected"));
        problem.setProperty("rule", "assignments.rows-rejected");
        problem.setProperty("errors", rejected.rows().stream()
                .map(row -> Map.of("row", row.row(), "rule", row.rule(),
                        "message", messages.getMessage(row.rule(), row.arguments(), row.rule(),
                                LocaleContextHolder.getLocale())))
                .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentModification(ConcurrencyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                message("concurrent-modification"));
        problem.setProperty("rule", "concurrent-modification");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message("not-found"));
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message("not-found"));
    }

    @ExceptionHandler
    ProblemDetail forbidden(Forbidden e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ex.getBody();
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", messages.getMessage(error, LocaleContextHolder.getLocale())))
                .toList();
        problem.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
