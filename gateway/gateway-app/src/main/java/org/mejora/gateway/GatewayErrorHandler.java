package org.mejora.gateway;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Errors of the gateway itself as problems: a service that cannot be reached (refused, unknown host, connect or
 * response timeout, connection dropped) is a 503 the front end can show as "try again later"; anything else keeps
 * its status, and an unexpected failure is a 500 without internals.
 */
@Component
@Order(-2) // before Spring Boot's default error handler
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final Problems problems;

    GatewayErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (serviceUnreachable(failure)) {
            log.warn("{} {} [{}]: service unavailable: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), IncomingRequestFilter.of(exchange), failure.toString());
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "problem.service-unavailable",
                    exchange.getRequest().getPath().value());
        }
        if (connectionLost(failure)) {
            // The service went away in the middle of the exchange (killed, restarted): whether a write was applied is
            // unknown to the gateway, so it says so rather than calling it its own failure.
            log.warn("{} {} [{}]: the service closed the connection: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), IncomingRequestFilter.of(exchange), failure.toString());
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, "problem.service-connection-lost",
                    exchange.getRequest().getPath().value());
        }
        if (failure instanceof ResponseStatusException statusFailure) {
            HttpStatus status = HttpStatus.resolve(statusFailure.getStatusCode().value());
            if (status != null && status.is4xxClientError()) {
                // Spring's own refusals (no route: 404, wrong method: 405...) keep their status, in the user's words.
                String code = switch (status) {
                    case NOT_FOUND -> "problem.path-unknown";
                    case METHOD_NOT_ALLOWED -> "problem.method-not-allowed";
                    case UNSUPPORTED_MEDIA_TYPE -> "problem.media-type-unsupported";
                    default -> "problem.client-error";
                };
                return problems.write(exchange, status, code, status.value());
            }
        }
        log.error("{} {} [{}] failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                IncomingRequestFilter.of(exchange), failure);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "problem.gateway-failed");
    }

    private static boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean serviceUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof TimeoutException
                    || cause instanceof PrematureCloseException) {
                return true;
            }
            if (cause instanceof ResponseStatusException status
                    && (status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()
                    || status.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value())) {
                return true;
            }
        }
        return false;
    }
}
