package org.mejora.gateway;

import org.mejora.identity.IdentityHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First thing on every request, before authentication: drops every {@code X-Mejora-*} header a client sent (only the
 * user's token speaks for a user), and gives the request a correlation id, the client's own when it is a sane one, which
 * goes to the services (and from them into the events' metadata) and back to the client, errors included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IncomingRequestFilter implements WebFilter {

    static final String ATTRIBUTE = IncomingRequestFilter.class.getName() + ".correlationId";

    // Ends up in logs and event metadata: nothing that could smuggle line breaks or markup.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(IdentityHeaders.CORRELATION_ID);
        String correlationId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, correlationId);
        exchange.getResponse().getHeaders().set(IdentityHeaders.CORRELATION_ID, correlationId);
        ServerWebExchange cleaned = exchange.mutate().request(request -> request.headers(headers -> {
            List<String> forged = headers.headerNames().stream()
                    .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(IdentityHeaders.RESERVED_PREFIX)).toList();
            forged.forEach(headers::remove);
            headers.set(IdentityHeaders.CORRELATION_ID, correlationId);
        })).build();
        return chain.filter(cleaned);
    }

    /** The correlation id of this exchange, or null before this filter ran. */
    static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
