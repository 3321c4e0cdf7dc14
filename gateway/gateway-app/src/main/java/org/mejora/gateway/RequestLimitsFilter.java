package org.mejora.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * A request whose Content-Length exceeds the services' body limit is refused here with 413, before the gateway
 * opens a connection to a service and streams megabytes the service would refuse anyway. Bodies without a length
 * are bounded by the service itself. A URI longer than {@link #MAX_URI_LENGTH} is refused with 414: the services'
 * servers would refuse its request line without a problem body (the gateway's own server reads lines up to
 * {@code server.netty.max-initial-line-length}). A path with an encoded control character is refused with 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLimitsFilter implements WebFilter {

    static final int MAX_URI_LENGTH = 6_000;
    /** A percent-encoded control character (NUL included) in the path: no resource is named so. */
    private static final Pattern CONTROL = Pattern.compile("%(?:[01][0-9A-Fa-f]|7[Ff])");

    private final Problems problems;
    private final long maxBytes;

    RequestLimitsFilter(Problems problems, @Value("${mejora.web.max-body-size:${MEJORA_MAX_BODY_SIZE:10MB}}") DataSize max) {
        this.problems = problems;
        this.maxBytes = max.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String uri = exchange.getRequest().getURI().getRawPath()
                + (exchange.getRequest().getURI().getRawQuery() == null ? ""
                : "?" + exchange.getRequest().getURI().getRawQuery());
        if (uri.length() > MAX_URI_LENGTH) {
            return problems.write(exchange, HttpStatus.URI_TOO_LONG, "problem.uri-too-long", MAX_URI_LENGTH);
        }
        if (CONTROL.matcher(exchange.getRequest().getURI().getRawPath()).find()) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "problem.path-characters");
        }
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            exchange.getResponse().getHeaders().set("Connection", "close");
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "problem.body-too-large",
                    maxBytes / (1024 * 1024) + " MB");
        }
        return chain.filter(exchange);
    }
}
