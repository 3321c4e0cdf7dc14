package org.mejora.web.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem the API answered, already in the user's language. Pages show {@link #detail()} and put each
 * field's message beside the field it names.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final Map<String, Object> body;
    private final boolean titledByService;

    /** A problem the web app states itself, titled in the user's words. */
    public ApiProblem(int status, Map<String, Object> body) {
        this(status, body, false);
    }

    private ApiProblem(int status, Map<String, Object> body, boolean titledByService) {
        super(status + " " + body.getOrDefault("detail", body.getOrDefault("title", "")));
        this.status = status;
        this.body = Map.copyOf(body.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.titledByService = titledByService;
    }

    /** A problem as a service answered it: its title is the HTTP reason in English, so pages title it themselves. */
    static ApiProblem fromService(int status, Map<String, Object> body) {
        return new ApiProblem(status, body, true);
    }

    public boolean titledByService() {
        return titledByService;
    }

    public int status() {
        return status;
    }

    public String title() {
        return text("title");
    }

    public String detail() {
        String detail = text("detail");
        return detail == null ? title() : detail;
    }

    /** The rule that failed, e.g. {@code concurrent-modification} or {@code import.rejected}. */
    public String rule() {
        return text("rule");
    }

    /** The field the problem names, when it names one. */
    public String field() {
        return text("field");
    }

    /** Per-field or per-cell errors, as the service listed them (e.g. field/message or sheet/row/column/reason). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> errors() {
        return body.get("errors") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The message to show beside this form field, or null. */
    public String messageFor(String fieldName) {
        for (Map<String, Object> error : errors()) {
            if (fieldName.equals(error.get("field"))) {
                Object message = error.getOrDefault("message", error.get("reason"));
                return message == null ? detail() : message.toString();
            }
        }
        return fieldName.equals(field()) ? detail() : null;
    }

    /** Bad data (400), a stale version (409) or a broken rule (422): the form shows it and stays filled in. */
    public boolean isShownOnItsForm() {
        return status == 400 || status == 409 || status == 422;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public Map<String, Object> body() {
        return body;
    }

    private String text(String name) {
        Object value = body.get(name);
        return value == null ? null : Objects.toString(value);
    }
}
