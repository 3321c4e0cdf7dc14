package org.mejora.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.mejora.identity.IdentityHeaders;
import org.mejora.identity.Role;
import org.mejora.identity.TokenValidation;
import org.mejora.identity.VerifiedUser;
import org.mejora.identity.VerifiedUsers;
import org.mejora.testing.TestTokens;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A service behind the gateway, reduced to what the gateway is responsible for: it trusts only the bearer token it is
 * relayed, verified with the same rules as the real services ({@link TokenValidation}), and echoes what it was told.
 * A few paths act out a service's behaviour: data of one institution, a slow answer, a blink, and its own API
 * document.
 */
final class StubService {

    private static final JwtDecoder TOKENS = decoder();

    private final String name;
    private final HttpServer server;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static StubService start(String name) {
        return new StubService(name);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times a request for this method and path reached the service. */
    int attempts(String method, String path) {
        return attempts.getOrDefault(method + " " + path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            int attempt = attempts.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/v3/api-docs/")) {
                respond(exchange, 200, """
                        {"openapi":"3.1.0","info":{"title":"%s","version":"1"},
                         "paths":{"/api/%s/documented":{"get":{"summary":"documented by %s"}}},
                         "components":{"schemas":{"ProblemDetail":{"type":"object"},"%sView":{"type":"object"}}}}"""
                        .formatted(name, name, name, name));
                return;
            }
            VerifiedUser user;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            try {
                if (authorization == null || !authorization.startsWith("Bearer ")) {
                    throw new BadJwtException("no bearer token");
                }
                user = VerifiedUsers.from(TOKENS.decode(authorization.substring("Bearer ".length())));
            } catch (JwtException | IllegalArgumentException e) {
                respond(exchange, 401, "{\"untrusted\":\"" + e.getMessage().replace("\"", "'") + "\"}");
                return;
            }
            if (path.endsWith("/slow")) {
                sleep(6_000);
            }
            if (path.contains("/blink/") && attempt == 1 || path.contains("/always-unavailable")) {
                respond(exchange, 503, "{\"blink\":" + attempt + "}");
                return;
            }
            // Acts out a service's own rule: another institution's data is answered like unknown data.
            String owner = path.contains("/owned-by/") ? path.substring(path.indexOf("/owned-by/") + 10) : null;
            if (owner != null && !user.canRead(owner)) {
                respond(exchange, 404, "{\"status\":404}");
                return;
            }
            String forwardedIdentity = exchange.getRequestHeaders().entrySet().stream()
                    .filter(header -> header.getKey().toLowerCase().startsWith("x-mejora-"))
                    .map(header -> "\"" + header.getKey().toLowerCase() + "\":" + header.getValue().size())
                    .sorted().collect(Collectors.joining(","));
            respond(exchange, 200, """
                    {"service":"%s","method":"%s","path":"%s","user":"%s","name":"%s","institution":"%s",
                     "roles":"%s","correlationId":"%s","secret":%s,"identityHeaderCounts":{%s},
                     "sawAuthorization":%s,"host":"%s"}"""
                    .formatted(name, method, path, user.userId(), user.name(), user.institutionId(),
                            user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                            exchange.getRequestHeaders().getFirst(IdentityHeaders.CORRELATION_ID),
                            owner == null ? "null" : "\"data of " + owner + "\"", forwardedIdentity,
                            exchange.getRequestHeaders().containsKey("Authorization"),
                            exchange.getRequestHeaders().getFirst("Host")));
        }
    }

    private static JwtDecoder decoder() {
        try {
            return TokenValidation.decoder("", List.of(TestTokens.ISSUER),
                    new FileSystemResource(TestTokens.publicKeyFile()), TestTokens.AUDIENCE);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
