package org.mejora.plan.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.mejora.contract.ContractProblemHandler;
import org.mejora.contract.ProblemMessages;
import org.mejora.contract.Problems;
import org.mejora.contract.WebContractProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * plan-service's own problems on top of the input contract's: 403, 404 unknown id, 409 illegal transition or
 * concurrent modification, 422 a rule of the domain or an import rejected cell by cell. Messages follow
 * Accept-Language (Spanish by default).
 */
@RestControllerAdvice
class ProblemHandler extends ContractProblemHandler {

    /** The cells an import answers at most; the problem gives the total count beside them. */
    static final int MAX_CELL_ERRORS = 200;

    ProblemHandler(ProblemMessages messages, WebContractProperties limits) {
        super(messages, limits);
    }

    @ExceptionHandler
    ProblemDetail concurrentModification(ConflictingModificationException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", null);
    }

    /** Two instances appended to one plan at once, twice in a row (CommandSender runs a command once more). */
    @ExceptionHandler
    ProblemDetail concurrentAppend(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", null);
    }

    @ExceptionHandler
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null);
    }

    @ExceptionHandler
    ProblemDetail malformedPrecondition(PreconditionMalformed e) {
        return problem(HttpStatus.BAD_REQUEST, "if-match.malformed", "If-Match");
    }

    @ExceptionHandler
    ProblemDetail importRejected(ImportRejected e) {
        int total = e.errors().size();
        List<ImportRejected.CellError> shown = e.errors().subList(0, Math.min(total, MAX_CELL_ERRORS));
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                messages().message("import.rejected", total), List.of());
        problem.setType(java.net.URI.create("urn:mejora:rule:import.rejected"));
        problem.setProperty("rule", "import.rejected");
        problem.setProperty("total", total);
        problem.setProperty("truncated", total > shown.size());
        // The cells keep their place in the file beside the contract's {field, rule, message}.
        problem.setProperty("errors", shown.stream().map(error -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", error.column());
            entry.put("rule", error.rule());
            entry.put("message", messages().message(error.rule(), error.arguments()));
            entry.put("sheet", error.sheet());
            entry.put("row", error.row());
            entry.put("column", error.column());
            entry.put("value", error.value());
            entry.put("reason", entry.get("message"));
            return entry;
        }).toList());
        return problem;
    }
}
