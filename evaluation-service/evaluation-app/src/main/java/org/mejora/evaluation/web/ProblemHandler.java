package org.mejora.evaluation.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mejora.contract.ContractProblemHandler;
import org.mejora.contract.ProblemMessages;
import org.mejora.contract.Problems;
import org.mejora.contract.WebContractProperties;
import org.mejora.evaluation.rules.RowsRejected;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * evaluation-service's own problems on top of the input contract's: 403, 404 unknown id, 409 illegal transition or
 * concurrent modification, 422 a rule of the domain or bulk rows rejected. Messages follow Accept-Language.
 */
@RestControllerAdvice
class ProblemHandler extends ContractProblemHandler {

    /** The rows a bulk assignment answers at most; the problem gives the total count beside them. */
    static final int MAX_ROW_ERRORS = 200;

    ProblemHandler(ProblemMessages messages, WebContractProperties limits) {
        super(messages, limits);
    }

    /** Bulk assignments report every bad row at once (the first 200, with the total). */
    @ExceptionHandler
    ProblemDetail rowsRejected(RowsRejected rejected) {
        int total = rejected.rows().size();
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                messages().message("assignments.rows-rejected"), List.of());
        problem.setType(URI.create("urn:mejora:rule:assignments.rows-rejected"));
        problem.setProperty("rule", "assignments.rows-rejected");
        problem.setProperty("total", total);
        problem.setProperty("errors", rejected.rows().stream().limit(MAX_ROW_ERRORS).map(row -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", "row " + row.row());
            entry.put("rule", row.rule());
            entry.put("message", messages().message(row.rule(), row.arguments()));
            entry.put("row", row.row());
            return entry;
        }).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentModification(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", null);
    }

    @ExceptionHandler
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null);
    }
}
