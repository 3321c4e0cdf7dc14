package org.mejora.contract;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.net.URI;

/**
 * What reaches the servlet container's error page (a failure outside Spring MVC's handlers, a request the
 * container refused) is answered as a problem too, never as Spring's default error body.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ProblemMessages messages;

    public ProblemErrorController(ProblemMessages messages) {
        this.messages = messages;
    }

    @RequestMapping
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value ? HttpStatusCode.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String rule = switch (status.value()) {
            case 404 -> "path.unknown";
            case 405 -> "method.not-allowed";
            case 413 -> "body.too-large";
            default -> status.is5xxServerError() ? "server.failed" : "request.rejected";
        };
        ProblemDetail problem = Problems.of(status, rule, null,
                messages.message(rule, new Object[]{status.value(), ""}, ProblemMessages.locale(request)));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException unprintable) {
                // a path that is not a URI is simply not repeated
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }
}
