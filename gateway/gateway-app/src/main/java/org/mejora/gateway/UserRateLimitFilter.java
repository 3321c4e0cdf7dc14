package org.mejora.gateway;

import org.mejora.identity.VerifiedUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user rate limit: a token bucket per verified user (per client address for the open documentation), in
 * memory. One gateway instance is what a Mejora installation runs; with several, each would allow its own share,
 * which still bounds what one user can do. Answers 429 with {@code Retry-After} when a bucket is empty.
 */
@Component
class UserRateLimitFilter implements GlobalFilter, Ordered {

    // Idle users' buckets are full again and carry no information: dropped when the map grows past this.
    private static final int MAX_TRACKED = 10_000;

    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Problems problems;

    UserRateLimitFilter(Problems problems,
                        @Value("${mejora.gateway.rate-limit.burst:40}") int burst,
                        @Value("${mejora.gateway.rate-limit.per-second:20}") double perSecond) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("mejora.gateway.rate-limit: burst >= 1 and per-second > 0");
        }
        this.problems = problems;
        this.capacity = burst;
        this.refillPerNano = perSecond / 1e9;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .filter(context -> context.getAuthentication() != null
                        && context.getAuthentication().getPrincipal() instanceof Jwt)
                .map(context -> VerifiedUsers.from((Jwt) context.getAuthentication().getPrincipal()))
                .map(user -> "user:" + user.institutionId() + "/" + user.userId())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + address(exchange)))
                .flatMap(key -> {
                    long waitNanos = take(key, System.nanoTime());
                    if (waitNanos == 0) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "problem.too-many-requests", seconds);
                });
    }

    /** Takes one token from the key's bucket: 0 when granted, otherwise the nanoseconds until one is available. */
    private long take(String key, long now) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        // Before the relay and the routing: a refused request costs the services nothing.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updated;

        private Bucket(long now) {
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / refillPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * refillPerNano);
            updated = now;
        }
    }
}
