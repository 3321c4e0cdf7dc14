package org.mejora.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The headers with which the gateway tells a service who is calling. They are signed with a secret shared by the
 * gateway and the services (HMAC-SHA256), so a client that forges them is not trusted, and they expire so a
 * captured set cannot be replayed for long.
 */
public final class IdentityHeaders {

    public static final String USER = "X-Mejora-User";
    public static final String NAME = "X-Mejora-Name";
    public static final String ROLES = "X-Mejora-Roles";
    public static final String INSTITUTION = "X-Mejora-Institution";
    public static final String ISSUED_AT = "X-Mejora-Issued-At";
    public static final String SIGNATURE = "X-Mejora-Signature";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** Every header a client must never be able to set itself. */
    public static final Set<String> SIGNED = Set.of(USER, NAME, ROLES, INSTITUTION, ISSUED_AT, SIGNATURE);

    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final byte[] secret;

    public IdentityHeaders(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the gateway secret must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The headers that present {@code user} to a service at {@code now}. */
    public Map<String, String> sign(VerifiedUser user, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER, encode(user.userId()));
        headers.put(NAME, encode(user.name()));
        headers.put(ROLES, user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        headers.put(INSTITUTION, encode(user.institutionId()));
        headers.put(ISSUED_AT, Long.toString(now.getEpochSecond()));
        headers.put(SIGNATURE, signature(headers));
        return headers;
    }

    /**
     * The user presented by the headers that {@code header} looks up.
     *
     * @throws UntrustedIdentityException when a header is missing, the signature does not match or it expired
     */
    public VerifiedUser verify(Function<String, String> header, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[]{USER, NAME, ROLES, INSTITUTION, ISSUED_AT}) {
            String value = header.apply(name);
            if (value == null) {
                throw new UntrustedIdentityException("missing header " + name);
            }
            headers.put(name, value);
        }
        String given = header.apply(SIGNATURE);
        if (given == null || !MessageDigest.isEqual(
                signature(headers).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw new UntrustedIdentityException("identity headers are not signed by the gateway");
        }
        Instant issuedAt = parseIssuedAt(headers.get(ISSUED_AT));
        if (Duration.between(issuedAt, now).abs().compareTo(MAX_AGE) > 0) {
            throw new UntrustedIdentityException("identity headers expired");
        }
        return new VerifiedUser(decode(headers.get(USER)), decode(headers.get(NAME)),
                parseRoles(headers.get(ROLES)), decode(headers.get(INSTITUTION)));
    }

    private String signature(Map<String, String> headers) {
        String canonical = String.join("\n", headers.get(USER), headers.get(NAME), headers.get(ROLES),
                headers.get(INSTITUTION), headers.get(ISSUED_AT));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static Set<Role> parseRoles(String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : value.split(",")) {
            if (!role.isBlank()) {
                try {
                    roles.add(Role.valueOf(role.trim()));
                } catch (IllegalArgumentException unknown) {
                    throw new UntrustedIdentityException("unknown role " + role);
                }
            }
        }
        return roles;
    }

    private static Instant parseIssuedAt(String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new UntrustedIdentityException("malformed header " + ISSUED_AT);
        }
    }

    // Header values are ISO-8859-1 on the wire; names such as "Hernández" survive only encoded.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
