package org.mejora.reporting.web;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problems in the caller's language (Accept-Language; Spanish by default), naming the field that failed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private final MessageSource messages;

    ProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ReportProblem.class)
    ProblemDetail problem(ReportProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(),
                messages.getMessage(problem.code(), problem.arguments(), LocaleContextHolder.getLocale()));
        detail.setProperty("rule", problem.code());
        if (problem.code().equals("bad-parameter")) {
            detail.setProperty("field", problem.arguments()[0]);
        }
        return detail;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(ReportProblem.badRequest(e.getName(), String.valueOf(e.getValue())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("missing-parameter", new Object[]{e.getParameterName()},
                        LocaleContextHolder.getLocale()));
        detail.setProperty("field", e.getParameterName());
        return detail;
    }
}
