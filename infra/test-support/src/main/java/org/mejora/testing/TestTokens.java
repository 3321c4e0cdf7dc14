package org.mejora.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.identity.VerifiedUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Real RS256 tokens for the gateway under test, signed by a key pair made for this JVM. The gateway trusts the
 * public key written by {@link #publicKeyFile()}, exactly as it trusts the local key of {@code infra/token.sh}.
 */
public final class TestTokens {

    public static final String ISSUER = "mejora-local";
    public static final String AUDIENCE = "mejora";

    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;
    private static Path privateKeyFile;

    private TestTokens() {
    }

    public static String token(String userId, String institution, String... roles) {
        return token(KEYS, userId, institution, AUDIENCE, Duration.ofMinutes(15), roles);
    }

    /** A token for {@code user}: their id, name, institution, roles and, when they have one, position. */
    public static String token(VerifiedUser user) {
        return sign(KEYS, claims(user.userId(), user.name(), user.institutionId(), AUDIENCE, Duration.ofMinutes(15),
                user.roles().stream().map(Role::name).sorted().toList())
                .claim(VerifiedUsers.POSITION, user.position()).build());
    }

    /** A token with every knob a security test turns: keys, audience, lifetime (negative: already expired). */
    public static String token(KeyPair keys, String userId, String institution, String audience, Duration ttl,
                               String... roles) {
        return sign(keys, claims(userId, userId, institution, audience, ttl, List.of(roles)).build());
    }

    private static JWTClaimsSet.Builder claims(String userId, String name, String institution, String audience,
                                               Duration ttl, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                // Issued before it expires even for a negative ttl, so an expired token reads as expired, not malformed.
                .issueTime(Date.from(min(now.minusSeconds(60), now.plus(ttl).minusSeconds(60))))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("preferred_username", userId)
                .claim("name", name)
                .claim("institution", institution)
                .claim("roles", roles);
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public static KeyPair keys() {
        return KEYS;
    }

    public static KeyPair otherKeys() {
        return generate();
    }

    /** PEM file of the public key, for the gateway's {@code MEJORA_JWT_PUBLIC_KEY} setting. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(KEYS.getPublic().getEncoded());
            try {
                publicKeyFile = Files.createTempFile("mejora-test-jwt", ".pem");
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
                publicKeyFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /**
     * PEM file (PKCS#8) of the private key, for the local identity server under test ({@code MEJORA_JWT_PRIVATE_KEY}):
     * it then signs tokens the gateway trusts, as in the local run.
     */
    public static synchronized Path privateKeyFile() {
        if (privateKeyFile == null) {
            String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(KEYS.getPrivate().getEncoded());
            try {
                privateKeyFile = Files.createTempFile("mejora-test-jwt-private", ".pem");
                Files.writeString(privateKeyFile, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
                privateKeyFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return privateKeyFile;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
