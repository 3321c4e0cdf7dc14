package org.mejora.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityHeadersTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private final IdentityHeaders headers = new IdentityHeaders(SECRET);
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final VerifiedUser luz = new VerifiedUser("lhernandez", "Luz Andrea Hernández Tejedor",
            Set.of(Role.PLAN_OWNER, Role.PLAN_REVIEWER), "calica");

    @Test
    void aSignedUserIsReadBackExactly() {
        Map<String, String> signed = headers.sign(luz, now);

        assertThat(headers.verify(signed::get, now.plusSeconds(30))).isEqualTo(luz);
    }

    @Test
    void aForgedRoleIsNotTrusted() {
        Map<String, String> forged = new HashMap<>(headers.sign(luz, now));
        forged.put(IdentityHeaders.ROLES, "ADMIN,PLAN_OWNER,PLAN_REVIEWER");

        assertThatThrownBy(() -> headers.verify(forged::get, now))
                .isInstanceOf(UntrustedIdentityException.class).hasMessageContaining("not signed");
    }

    @Test
    void headersSignedWithAnotherSecretAreNotTrusted() {
        Map<String, String> signed = new IdentityHeaders("another-secret-of-thirty-two-characters!!").sign(luz, now);

        assertThatThrownBy(() -> headers.verify(signed::get, now)).isInstanceOf(UntrustedIdentityException.class);
    }

    @Test
    void oldHeadersCannotBeReplayed() {
        Map<String, String> signed = headers.sign(luz, now);

        assertThatThrownBy(() -> headers.verify(signed::get, now.plus(IdentityHeaders.MAX_AGE).plusSeconds(1)))
                .isInstanceOf(UntrustedIdentityException.class).hasMessageContaining("expired");
    }

    @Test
    void aRequestWithoutHeadersIsNotTrusted() {
        assertThatThrownBy(() -> headers.verify(name -> null, now))
                .isInstanceOf(UntrustedIdentityException.class).hasMessageContaining(IdentityHeaders.USER);
    }
}
