package org.mejora.contract;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one shape of every problem: RFC 9457 with {@code rule}, {@code field} (the first field named) and
 * {@code errors[]} of {@code {field, rule, message}}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, List<InputError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            InputError first = errors.get(0);
            problem.setType(URI.create("urn:mejora:rule:" + first.rule()));
            problem.setProperty("rule", first.rule());
            if (first.field() != null) {
                problem.setProperty("field", first.field());
            }
        }
        problem.setProperty("errors", errors.stream().map(Problems::entry).toList());
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String rule, String field, String message) {
        return of(status, message, List.of(new InputError(field, rule, message)));
    }

    /** The problem as the map a filter writes itself, outside Spring MVC. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private static Map<String, Object> entry(InputError error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", error.field());
        entry.put("rule", error.rule());
        entry.put("message", error.message());
        return entry;
    }
}
