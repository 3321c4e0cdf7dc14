package org.mejora.plan.web;

import org.junit.jupiter.api.Test;
import org.mejora.contract.ProblemMessages;
import org.mejora.contract.WebContractProperties;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler(new ProblemMessages(new StaticMessageSource()),
            new WebContractProperties(DataSize.ofMegabytes(10)));

    @Test
    void anImportAnswersAtMost200CellErrorsWithTheTotalCount() {
        List<ImportRejected.CellError> errors = IntStream.rangeClosed(1, 179_032)
                .mapToObj(row -> new ImportRejected.CellError("PLAN", row, "Fecha inicial", "x", "import.cell.date"))
                .toList();

        ProblemDetail problem = handler.importRejected(new ImportRejected(errors));

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getProperties()).containsEntry("total", 179_032).containsEntry("truncated", true);
        assertThat((List<?>) problem.getProperties().get("errors")).hasSize(ProblemHandler.MAX_CELL_ERRORS);
    }
}
