package org.mejora.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static Jwt jwt(String token, Instant expires) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("lhernandez")
                .issuedAt(Instant.now().minusSeconds(120)).expiresAt(expires).build();
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainOnTheNextRequest() {
        AtomicInteger verifications = new AtomicInteger();
        JwtDecoder decoder = VerifiedTokens.caching(token -> {
            verifications.incrementAndGet();
            return jwt(token, Instant.now().plusSeconds(3600));
        });

        Jwt first = decoder.decode("a.b.c");
        Jwt second = decoder.decode("a.b.c");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        decoder.decode("a.b.d");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsCheckedAndRefusedEveryTime() {
        AtomicInteger verifications = new AtomicInteger();
        JwtDecoder decoder = VerifiedTokens.caching(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("signature");
        });

        assertThatThrownBy(() -> decoder.decode("a.b.c")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("a.b.c")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromTheCache() {
        VerifiedTokens tokens = new VerifiedTokens();

        tokens.put("gone", jwt("gone", Instant.now().minusSeconds(1)));
        // Kept, but its end passes while it is kept.
        tokens.put("ending", jwt("ending", Instant.now().plusMillis(50)));

        assertThat(tokens.get("gone")).isNull();
        await(() -> tokens.get("ending") == null);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
