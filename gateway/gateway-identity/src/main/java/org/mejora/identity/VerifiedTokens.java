package org.mejora.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;

/**
 * Tokens that passed every check of {@link TokenValidation}, by their exact text, so that a user's next requests skip
 * the signature check and the parsing (an RSA verification and a JSON parse on every request were a fifth of the
 * gateway's CPU). A token stays here until it expires, and at most {@link #LONGEST}: a token is accepted from here
 * only while the validator would still accept it (it allows 60 s of clock skew beyond {@code exp}; this allows none),
 * and a rotated signing key stops being trusted within {@link #LONGEST}. Failures are never kept: a bad token is
 * checked, and refused, every time.
 */
public final class VerifiedTokens {

    /** How long a verified token is trusted without another check, at most. */
    public static final Duration LONGEST = Duration.ofMinutes(5);
    private static final int MAX_TOKENS = 20_000;

    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(new Expiry<String, Jwt>() {
                @Override
                public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                    return trustedFor(jwt).toNanos();
                }

                @Override
                public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                    return trustedFor(jwt).toNanos();
                }

                @Override
                public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            })
            .build();

    /** A decoder that answers a token it already verified from here, and verifies (and keeps) the others. */
    public static JwtDecoder caching(JwtDecoder decoder) {
        VerifiedTokens tokens = new VerifiedTokens();
        return token -> {
            Jwt known = tokens.get(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = decoder.decode(token);
            tokens.put(token, jwt);
            return jwt;
        };
    }

    /** The token, verified before and not expired since; null otherwise. */
    public Jwt get(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            return null;
        }
        // The cache's own expiry runs on its ticker; the token's own end is checked against the time the validator uses.
        Instant expires = jwt.getExpiresAt();
        return expires == null || Instant.now().isBefore(expires) ? jwt : null;
    }

    /** Keeps a token that was just verified. */
    public void put(String token, Jwt jwt) {
        if (!trustedFor(jwt).isZero()) {
            verified.put(token, jwt);
        }
    }

    private static Duration trustedFor(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return LONGEST;
        }
        Duration left = Duration.between(Instant.now(), expires);
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
