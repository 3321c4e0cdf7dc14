package org.mejora.identity;

import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * What makes a token trustworthy, the same at the gateway and in every service: signed by the configured OIDC
 * issuer (Keycloak, keys by discovery) or by the local key pair ({@code infra/token.sh}, the local identity server,
 * the tests), issued by a trusted issuer, meant for the audience {@code mejora}, not expired, and naming a user and
 * an institution.
 */
public final class TokenValidation {

    private TokenValidation() {
    }

    /** The rules for tokens of the OIDC issuer at {@code issuerUri}. */
    public static OAuth2TokenValidator<Jwt> forIssuer(String issuerUri, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuerUri), audience(audience), TokenValidation::identifiesAUser);
    }

    /** The rules for tokens signed by the local key: one of {@code issuers}. */
    public static OAuth2TokenValidator<Jwt> forLocalIssuers(List<String> issuers, String audience) {
        Set<String> trusted = Set.copyOf(issuers.stream().map(String::trim).filter(i -> !i.isEmpty()).toList());
        OAuth2Error untrusted = new OAuth2Error("invalid_token", "the token's issuer is not one of " + trusted, null);
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                jwt -> trusted.contains(jwt.getClaimAsString("iss"))
                        ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(untrusted),
                audience(audience), TokenValidation::identifiesAUser);
    }

    /**
     * A servlet service's decoder: by discovery when {@code issuerUri} is set (on the first token, so the service
     * starts while Keycloak is still starting and makes no call at start), by the local public key otherwise; the
     * tokens it verified are answered from {@link VerifiedTokens} until they expire.
     */
    public static JwtDecoder decoder(String issuerUri, List<String> issuers, Resource publicKey, String audience)
            throws IOException, GeneralSecurityException {
        if (issuerUri != null && !issuerUri.isBlank()) {
            // Built on the first token: no call to the issuer while the service starts.
            return VerifiedTokens.caching(new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder discovered = NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
                discovered.setJwtValidator(forIssuer(issuerUri, audience));
                return discovered;
            }));
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(publicKey)).build();
        decoder.setJwtValidator(forLocalIssuers(issuers, audience));
        return VerifiedTokens.caching(decoder);
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "the token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    // Without a user and an institution the services could not tell whose data is whose.
    private static OAuth2TokenValidatorResult identifiesAUser(Jwt jwt) {
        try {
            VerifiedUsers.from(jwt);
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "the token does not name a user and an institution: " + e.getMessage(), null));
        }
    }

    /** The RSA public key of a PEM file (X.509 SubjectPublicKeyInfo), as {@code infra/token.sh} writes it. */
    public static RSAPublicKey readPublicKey(Resource pem) throws IOException, GeneralSecurityException {
        if (pem == null || !pem.exists()) {
            throw new IllegalStateException("no JWT public key at " + pem + ": set MEJORA_JWT_ISSUER_URI (Keycloak), "
                    + "or MEJORA_JWT_PUBLIC_KEY (a PEM file), or run infra/token.sh once to make the local key pair "
                    + "(set MEJORA_ROOT when the service does not run from the project's root)");
        }
        String base64 = pem.getContentAsString(StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
