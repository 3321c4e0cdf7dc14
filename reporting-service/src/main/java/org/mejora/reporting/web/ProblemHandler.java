package org.mejora.reporting.web;

import org.mejora.contract.ContractProblemHandler;
import org.mejora.contract.ProblemMessages;
import org.mejora.contract.WebContractProperties;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * reporting's own problems on top of the input contract's, in the caller's language (Accept-Language; Spanish by
 * default), naming the field that failed.
 */
@RestControllerAdvice
class ProblemHandler extends ContractProblemHandler {

    ProblemHandler(ProblemMessages messages, WebContractProperties limits) {
        super(messages, limits);
    }

    @ExceptionHandler(ReportProblem.class)
    ProblemDetail problem(ReportProblem problem) {
        String field = problem.code().equals("bad-parameter") ? String.valueOf(problem.arguments()[0]) : null;
        return problem(problem.status(), problem.code(), field, problem.arguments());
    }
}
