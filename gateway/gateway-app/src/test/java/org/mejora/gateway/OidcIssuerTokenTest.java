package org.mejora.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.TokenValidation;
import org.mejora.identity.VerifiedUser;
import org.mejora.identity.VerifiedUsers;
import org.mejora.testing.TestTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code MEJORA_JWT_ISSUER_URI} set, the gateway trusts what the issuer publishes (OIDC discovery and JWKS),
 * and reads Keycloak's tokens as shaped by {@code infra/keycloak/mejora-realm.json}. The issuer here is a stub that
 * publishes the test key, so no Keycloak is needed.
 */
class OidcIssuerTokenTest {

    private static final KeyPair KEYS = TestTokens.keys();
    private static HttpServer issuer;
    private static String issuerUri;

    @BeforeAll
    static void publishTheKey() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        issuerUri = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realms/mejora";
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("realm-key").build())
                .toString(true);
        String discovery = """
                {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs",
                 "authorization_endpoint":"%s/protocol/openid-connect/auth",
                 "token_endpoint":"%s/protocol/openid-connect/token",
                 "id_token_signing_alg_values_supported":["RS256"],"subject_types_supported":["public"],
                 "response_types_supported":["code"]}""".formatted(issuerUri, issuerUri, issuerUri, issuerUri);
        issuer.createContext("/realms/mejora/.well-known/openid-configuration", exchange -> {
            byte[] body = discovery.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.createContext("/realms/mejora/protocol/openid-connect/certs", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
    }

    @AfterAll
    static void stop() {
        issuer.stop(0);
    }

    @Test
    void aKeycloakTokenOfTheRealmGivesTheUserRolesAndInstitution() throws Exception {
        Jwt jwt = decoder().decode(keycloakToken(issuerUri, List.of("mejora", "account"))).block();

        VerifiedUser user = VerifiedUsers.from(jwt);
        assertThat(user.userId()).isEqualTo("lhernandez");
        assertThat(user.name()).isEqualTo("Luz Andrea Hernández Tejedor");
        assertThat(user.institutionId()).isEqualTo("alcaldia-calica");
        assertThat(user.roles()).containsExactly(Role.PLAN_OWNER);
    }

    @Test
    void aServiceVerifiesTheSameKeycloakTokenItselfWithTheSameRules() throws Exception {
        JwtDecoder service = TokenValidation.decoder(issuerUri, List.of(), null, "mejora");

        VerifiedUser user = VerifiedUsers.from(service.decode(keycloakToken(issuerUri, List.of("mejora"))));
        assertThat(user.userId()).isEqualTo("lhernandez");
        assertThat(user.roles()).containsExactly(Role.PLAN_OWNER);
        assertThatThrownBy(() -> service.decode(keycloakToken(issuerUri, List.of("account"))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() throws Exception {
        String elsewhere = keycloakToken("http://127.0.0.1:1/realms/other", List.of("mejora"));

        assertThatThrownBy(() -> decoder().decode(elsewhere).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenWithoutTheMejoraAudienceIsRejected() throws Exception {
        String accountOnly = keycloakToken(issuerUri, List.of("account"));

        assertThatThrownBy(() -> decoder().decode(accountOnly).block())
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("not meant for mejora");
    }

    private static ReactiveJwtDecoder decoder() throws Exception {
        return new SecurityConfig().jwtDecoder(issuerUri, List.of("ignored-when-an-issuer-uri-is-set"), null, "mejora");
    }

    /** The access token Keycloak issues for the realm export: realm roles both as "roles" and in realm_access. */
    private static String keycloakToken(String iss, List<String> audience) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("realm-key").build(),
                new JWTClaimsSet.Builder()
                        .issuer(iss).audience(audience).subject("5f1c2a7e-0000-4000-8000-000000000001")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                        .claim("azp", "mejora-web").claim("typ", "Bearer")
                        .claim("preferred_username", "lhernandez").claim("name", "Luz Andrea Hernández Tejedor")
                        .claim("institution", "alcaldia-calica")
                        .claim("roles", List.of("PLAN_OWNER", "default-roles-mejora", "offline_access"))
                        .claim("realm_access", Map.of("roles", List.of("PLAN_OWNER", "default-roles-mejora")))
                        .build());
        jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        return jwt.serialize();
    }
}
