package org.mejora.gateway;

import org.mejora.testing.Api;
import org.mejora.testing.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

/**
 * The one Spring context of the gateway's integration tests: the gateway on a random port in front of three stub
 * services and a stub web app, trusting the keys of {@link TestTokens}, plus a route to a port where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UnreachableService.class)
abstract class GatewayUnderTest {

    static final StubService PLANS = StubService.start("plans");
    static final StubService EVALUATIONS = StubService.start("evaluations");
    static final StubService REPORTS = StubService.start("reports");
    static final StubService WEB = StubService.start("web");
    static final int NOTHING_LISTENS = freePort();

    static final int RATE_LIMIT_BURST = 30;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("mejora.services.plans", PLANS::url);
        registry.add("mejora.services.evaluations", EVALUATIONS::url);
        registry.add("mejora.services.reports", REPORTS::url);
        registry.add("mejora.services.web", WEB::url);
        registry.add("MEJORA_REPORTING_TIMEOUT_MS", () -> "2000");
        registry.add("mejora.jwt.public-key", () -> "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        registry.add("mejora.gateway.rate-limit.burst", () -> RATE_LIMIT_BURST);
        // Slow refill: the burst runs out even when a loaded machine answers each request slowly.
        registry.add("mejora.gateway.rate-limit.per-second", () -> 1);
        registry.add("mejora.cors.origins", () -> "https://mejora.example.gov.co");
    }

    Api gateway() {
        return Api.at("http://localhost:" + port);
    }

    Api as(String userId, String institution, String... roles) {
        return gateway().bearer(TestTokens.token(userId, institution, roles));
    }

    static String newUser() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
