package org.mejora.web.imports;

import org.mejora.web.api.ApiProblem;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cell plan-service could not read, as the 422 {@code import.rejected} problem lists it: where it is, what it
 * held, the rule and the reason (already in the user's language). Row 0 and a missing column mean the whole sheet.
 */
public record RejectedCell(String sheet, Integer row, String column, String value, String rule, String reason) {

    static final String REJECTED = "import.rejected";

    static List<RejectedCell> of(ApiProblem problem) {
        if (!REJECTED.equals(problem.rule())) {
            return List.of();
        }
        return problem.errors().stream().map(cell -> new RejectedCell(text(cell.get("sheet")),
                cell.get("row") instanceof Number n && n.intValue() > 0 ? n.intValue() : null,
                text(cell.get("column")), text(cell.get("value")), text(cell.get("rule")),
                text(cell.get("reason")))).toList();
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
