package org.mejora.gateway;

import org.mejora.identity.IdentityHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;

/**
 * Tells the services who is calling: the verified user's id, name, roles and institution in headers signed with the
 * secret shared with the services. The client's own identity headers were already dropped by
 * {@link IncomingRequestFilter}, so a request without a verified user reaches a service with no identity at all.
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
        return ReactiveSecurityContextHolder.getContext()
                .filter(context -> context.getAuthentication() != null)
                .map(context -> context.getAuthentication().getPrincipal())
                .filter(Jwt.class::isInstance)
                .map(principal -> identityHeaders.sign(VerifiedUsers.from((Jwt) principal), clock.instant()))
                .defaultIfEmpty(Map.of())
                .flatMap(signed -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    // The services trust the signed headers only; the user's token stays at the gateway.
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    headers.setAll(signed);
                })).build()));
    }

    @Override
    public int getOrder() {
        // Right after the rate limit; every later filter (retry, routing) sends the signed headers.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
