package org.mejora.testing;

import org.mejora.identity.IdentityHeaders;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Users of the tests, and the gateway-signed headers that present them to a service called directly. */
public final class TestIdentities {

    public static final String GATEWAY_SECRET = "test-gateway-secret-0123456789-abcdefghij";
    private static final IdentityHeaders HEADERS = new IdentityHeaders(GATEWAY_SECRET);

    private TestIdentities() {
    }

    /** A fresh institution id, so a test sees only its own data. */
    public static String newInstitution() {
        return "inst-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static VerifiedUser user(String userId, String institution, Role... roles) {
        return new VerifiedUser(userId, userId, Set.of(roles), institution);
    }

    public static Map<String, String> headers(VerifiedUser user) {
        return HEADERS.sign(user, Instant.now());
    }
}
