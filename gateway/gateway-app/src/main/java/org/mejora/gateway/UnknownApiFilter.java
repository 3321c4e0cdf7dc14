package org.mejora.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * An {@code /api/} path that no service serves answers a 404 problem here; otherwise the catch-all route of the web
 * app would answer an API client with a sign-in page or an HTML error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UnknownApiFilter implements WebFilter {

    /** The API prefixes that application.yml routes to a service. */
    static final List<String> SERVED = List.of("/api/plans", "/api/evaluations", "/api/cycles", "/api/reports");

    private final Problems problems;

    UnknownApiFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        if (api && SERVED.stream().noneMatch(served -> path.equals(served) || path.startsWith(served + "/"))) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "problem.path-unknown");
        }
        return chain.filter(exchange);
    }
}
