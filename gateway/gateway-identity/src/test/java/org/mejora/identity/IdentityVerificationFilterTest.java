package org.mejora.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A service trusts the user of a token signed by a trusted issuer for audience mejora, and nobody else. */
class IdentityVerificationFilterTest {

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();

    private final IdentityVerificationFilter filter = new IdentityVerificationFilter(localDecoder());

    @Test
    void theUserOfAValidTokenReachesTheControllerWithRolesInstitutionAndPosition() throws Exception {
        MockHttpServletRequest request = request(token(KEYS, claims -> claims.claim("position", "Jefe de Control Interno")));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        VerifiedUser user = (VerifiedUser) chain.getRequest().getAttribute(IdentityVerificationFilter.USER_ATTRIBUTE);
        assertThat(user.userId()).isEqualTo("lhernandez");
        assertThat(user.name()).isEqualTo("Luz Andrea Hernández Tejedor");
        assertThat(user.institutionId()).isEqualTo("alcaldia-calica");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.PLAN_OWNER, Role.AUDITOR);
        assertThat(user.position()).isEqualTo("Jefe de Control Interno");
    }

    @Test
    void keycloakRealmRolesAreReadToo() throws Exception {
        MockHttpServletRequest request = request(token(KEYS, claims -> claims.claim("roles", null)
                .claim("realm_access", java.util.Map.of("roles", List.of("hr", "offline_access")))));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        VerifiedUser user = (VerifiedUser) chain.getRequest().getAttribute(IdentityVerificationFilter.USER_ATTRIBUTE);
        assertThat(user.roles()).containsExactly(Role.HR);
        assertThat(user.position()).isNull();
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithAProblem() throws Exception {
        MockHttpServletResponse response = refused(new MockHttpServletRequest("GET", "/api/plans"));

        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401", "\"instance\":\"/api/plans\"");
    }

    @Test
    void theRetiredIdentityHeadersAreNotTrusted() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/plans");
        request.addHeader("X-Mejora-User", "intruder");
        request.addHeader("X-Mejora-Roles", "ADMIN");
        request.addHeader("X-Mejora-Institution", "alcaldia-calica");

        assertThat(refused(request).getStatus()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        MockHttpServletResponse response = refused(request(token(OTHER_KEYS, claims -> { })));

        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        MockHttpServletResponse response = refused(request(token(KEYS, claims -> claims
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(15)))))));

        assertThat(response.getContentAsString()).contains("expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        MockHttpServletResponse response = refused(request(token(KEYS, claims -> claims.audience("another-system"))));

        assertThat(response.getContentAsString()).contains("not meant for mejora");
    }

    @Test
    void aTokenOfAnUntrustedIssuerIsRefused() throws Exception {
        assertThat(refused(request(token(KEYS, claims -> claims.issuer("https://elsewhere")))).getContentAsString())
                .contains("issuer");
    }

    @Test
    void aTokenWithoutAnInstitutionIsRefused() throws Exception {
        assertThat(refused(request(token(KEYS, claims -> claims.claim("institution", null)))).getContentAsString())
                .contains("institution");
    }

    @Test
    void aMalformedTokenIsRefused() throws Exception {
        assertThat(refused(request("not.a.token")).getStatus()).isEqualTo(401);
    }

    @Test
    void withAnIssuerUriNothingIsCalledUntilTheFirstTokenAndAnUnreachableIssuerAnswers503() throws Exception {
        // Port 9 (discard) on loopback: nothing answers, as for a Keycloak still starting.
        IdentityVerificationFilter byDiscovery = new IdentityVerificationFilter(
                TokenValidation.decoder("http://127.0.0.1:9/realms/mejora", List.of(), null, "mejora"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        byDiscovery.doFilter(request(token(KEYS, claims -> { })), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    }

    private MockHttpServletResponse refused(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(chain.getRequest()).as("the request never reaches the controller").isNull();
        return response;
    }

    private static MockHttpServletRequest request(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/plans/p-1");
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }

    private static String token(KeyPair keys, Consumer<JWTClaimsSet.Builder> changes) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("mejora-local").subject("lhernandez").audience("mejora")
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("preferred_username", "lhernandez").claim("name", "Luz Andrea Hernández Tejedor")
                .claim("institution", "alcaldia-calica").claim("roles", List.of("PLAN_OWNER", "AUDITOR"));
        changes.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static org.springframework.security.oauth2.jwt.JwtDecoder localDecoder() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        try {
            return TokenValidation.decoder("", List.of("mejora-local", "http://localhost:9000"),
                    new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII)), "mejora");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
