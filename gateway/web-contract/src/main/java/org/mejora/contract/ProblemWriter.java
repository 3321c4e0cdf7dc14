package org.mejora.contract;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem straight to the servlet response, for what answers before Spring MVC does: the contract's own
 * filter, and a service's authentication entry point and access-denied handler, e.g.
 * {@code (request, response, e) -> problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.unauthenticated")}.
 */
public class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemMessages messages;

    public ProblemWriter(ProblemMessages messages) {
        this.messages = messages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String rule,
                      Object... arguments) throws IOException {
        write(request, response, Problems.of(status, rule, null,
                messages.message(rule, arguments, ProblemMessages.locale(request))));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(safePath(request.getRequestURI())));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(Problems.asMap(problem)));
    }

    private static String safePath(String path) {
        StringBuilder safe = new StringBuilder();
        for (char c : path.toCharArray()) {
            safe.append(c > 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf(c) : "_");
        }
        return safe.toString();
    }
}
