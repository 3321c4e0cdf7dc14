package org.mejora.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.mejora.identity.IdentityHeaders;
import org.mejora.identity.VerifiedUser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The two ways into the system that the write path compares: through the gateway with a real RS256 token, and
 * straight to the owning service with the gateway's signed identity headers (what the gateway itself adds).
 */
final class Targets {

    /** Where a request goes and how it proves who sends it. */
    interface Target {
        String name();

        HttpResponse<String> send(String method, String path, String json, VerifiedUser user)
                throws IOException, InterruptedException;
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Config config;
    private final RSAPrivateKey signingKey;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Targets(Config config, int threads) throws IOException, GeneralSecurityException {
        this.config = config;
        this.signingKey = privateKey(config.jwtPrivateKey());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, threads), daemon("http"))).build();
    }

    Target gateway() {
        return new Target() {
            @Override
            public String name() {
                return "gateway";
            }

            @Override
            public HttpResponse<String> send(String method, String path, String json, VerifiedUser user)
                    throws IOException, InterruptedException {
                HttpRequest.Builder request = request(config.gatewayUrl() + path, method, json)
                        .header("Authorization", "Bearer " + tokens.computeIfAbsent(key(user), k -> token(user)));
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        };
    }

    Target direct() {
        return new Target() {
            @Override
            public String name() {
                return "direct";
            }

            @Override
            public HttpResponse<String> send(String method, String path, String json, VerifiedUser user)
                    throws IOException, InterruptedException {
                // The same token as through the gateway: each service verifies it itself.
                HttpRequest.Builder request = request(serviceUrl(path) + path, method, json)
                        .header(IdentityHeaders.CORRELATION_ID, UUID.randomUUID().toString())
                        .header("Authorization", "Bearer " + tokens.computeIfAbsent(key(user), k -> token(user)));
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        };
    }

    /** Signs the user's token ahead, so that timing a request never includes RSA signing. */
    void prepare(VerifiedUser user) {
        tokens.computeIfAbsent(key(user), k -> token(user));
    }

    /** A plain GET without identity (actuator, API documentation). */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(request(url, "GET", null).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The service the gateway routes {@code path} to (the same prefixes as its routes). */
    String serviceUrl(String path) {
        if (path.startsWith("/api/plans")) {
            return config.planUrl();
        }
        if (path.startsWith("/api/evaluations") || path.startsWith("/api/cycles")) {
            return config.evaluationUrl();
        }
        if (path.startsWith("/api/reports")) {
            return config.reportingUrl();
        }
        throw new IllegalArgumentException("no service serves " + path);
    }

    private static HttpRequest.Builder request(String url, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private static String key(VerifiedUser user) {
        return user.institutionId() + "/" + user.userId() + "/" + user.roles();
    }

    // The same claims as infra/token.sh and the test tokens; one hour is longer than any run.
    private String token(VerifiedUser user) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.jwtIssuer())
                .subject(user.userId())
                .audience(config.jwtAudience())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("preferred_username", user.userId())
                .claim("name", user.name())
                .claim("institution", user.institutionId())
                .claim("roles", user.roles().stream().map(Enum::name).sorted().toList())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The PKCS#8 PEM that {@code openssl genpkey} writes. */
    static RSAPrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String body = String.join("", Files.readAllLines(pem).stream()
                .filter(line -> !line.startsWith("-----")).toList());
        return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
