package org.mejora.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.mejora.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a valid token for Mejora, from the trusted issuer, gets a request past the gateway. */
class AuthenticationIT extends GatewayUnderTest {

    private static final String PATH = "/api/plans/p-1";

    @Test
    void withoutATokenTheAnswerIsAProblem401WithABearerChallenge() {
        String path = "/api/plans/" + newUser();

        Api.Response response = gateway().get(path);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().get("instance").asText()).isEqualTo(path);
        assertThat(PLANS.attempts("GET", path)).isZero();
        assertUnauthorized(gateway().get(PATH));
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        // Issued two hours ago, expired one hour ago: well past the validator's clock skew.
        Instant now = Instant.now();
        SignedJWT expired = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("late")
                .claim("institution", "inst").claim("roles", List.of("PLAN_OWNER"))
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                .build());
        expired.sign(new RSASSASigner(TestTokens.keys().getPrivate()));

        Api.Response response = gateway().bearer(expired.serialize()).get(PATH);

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"").contains("expired");
    }

    @Test
    void aTokenThatExpiresBeforeItWasIssuedIsRejected() {
        String backwards = TestTokens.token(TestTokens.keys(), newUser(), "inst", TestTokens.AUDIENCE,
                Duration.ofMinutes(-5), "PLAN_OWNER");

        assertUnauthorized(gateway().bearer(backwards).get(PATH));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() {
        String forged = TestTokens.token(TestTokens.otherKeys(), newUser(), "inst", TestTokens.AUDIENCE,
                Duration.ofMinutes(5), "ADMIN");

        assertUnauthorized(gateway().bearer(forged).get(PATH));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        String elsewhere = TestTokens.token(TestTokens.keys(), newUser(), "inst", "another-application",
                Duration.ofMinutes(5), "PLAN_OWNER");

        Api.Response response = gateway().bearer(elsewhere).get(PATH);

        assertUnauthorized(response);
        assertThat(response.json().get("detail").asText()).contains("not meant for mejora");
    }

    @Test
    void aTokenWithoutAnInstitutionIsRejected() {
        String nowhere = TestTokens.token(TestTokens.keys(), newUser(), null, TestTokens.AUDIENCE,
                Duration.ofMinutes(5), "PLAN_OWNER");

        assertUnauthorized(gateway().bearer(nowhere).get(PATH));
    }

    @Test
    void somethingThatIsNotAJwtIsRejected() {
        assertUnauthorized(gateway().bearer("not-a-jwt").get(PATH));
    }

    @Test
    void aValidTokenReachesTheService() {
        Api.Response response = as(newUser(), "inst", "PLAN_OWNER").get(PATH);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("service").asText()).isEqualTo("plans");
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asText()).isEqualTo(PATH);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }
}
