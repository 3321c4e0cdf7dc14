package org.mejora.contract;

/**
 * One thing a request got wrong: the field (a JSON path such as {@code tasks[0]}, a query parameter, a header) or
 * null when the whole request is at fault, the rule it broke (a message code), and the message in the caller's
 * language.
 */
public record InputError(String field, String rule, String message) {
}
