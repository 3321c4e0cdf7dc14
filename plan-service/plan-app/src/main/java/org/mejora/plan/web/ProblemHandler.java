package org.mejora.plan.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.mejora.plan.rules.RuleViolation;
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
        HttpStatus status = violation.kind() == RuleViolation.Kind.ILLEGAL_TRANSITION
                ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
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

    @ExceptionHandler
    ProblemDetail concurrentModification(ConflictingModificationException e) {
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
    ProblemDetail malformedPrecondition(PreconditionMalformed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("if-match.malformed"));
        problem.setProperty("field", "If-Match");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail importRejected(ImportRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("import.rejected", new Object[]{e.errors().size()}, "import.rejected",
                        LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:mejora:rule:import.rejected"));
        problem.setProperty("rule", "import.rejected");
        problem.setProperty("errors", e.errors().stream().map(error -> {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("sheet", error.sheet());
            entry.put("row", error.row());
            entry.put("column", error.column());
            entry.put("value", error.value());
            entry.put("rule", error.rule());
            entry.put("reason", messages.getMessage(error.rule(), error.arguments(), error.rule(),
                    LocaleContextHolder.getLocale()));
            return entry;
        }).toList());
        return problem;
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
