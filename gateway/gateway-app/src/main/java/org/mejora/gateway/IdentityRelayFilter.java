package org.mejora.gateway;

import org.mejora.identity.IdentityHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * Tells the services who is calling: strips any identity header the client sent (a forged one must never pass),
 * adds the verified user's headers signed with the secret shared with the services, and a correlation id that is
 * also returned to the client.
 */
@Component
class IdentityRelayFilter implements GlobalFilter, Ordered {

    private final IdentityHeaders identityHeaders;
    private final Clock clock = Clock.systemUTC();

    IdentityRelayFilter(@Value("${mejora.gateway.secret}") String secret) {
        this.identityHeaders = new IdentityHeaders(secret);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(IdentityHeaders.CORRELATION_ID);
        String correlationId = given == null || given.isBlank() || given.length() > 100
                ? UUID.randomUUID().toString() : given;
        exchange.getResponse().getHeaders().set(IdentityHeaders.CORRELATION_ID, correlationId);
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getPrincipal())
                .filter(Jwt.class::isInstance)
                .map(principal -> VerifiedUsers.from((Jwt) principal))
                .map(user -> identityHeaders.sign(user, clock.instant()))
                .defaultIfEmpty(java.util.Map.of())
                .flatMap(signed -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    IdentityHeaders.SIGNED.forEach(headers::remove);
                    headers.setAll(signed);
                    headers.set(IdentityHeaders.CORRELATION_ID, correlationId);
                })).build()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
