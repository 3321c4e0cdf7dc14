package org.mejora.testing;

import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Users of the tests, and the headers that present them to a service called directly: a bearer token signed by
 * {@link TestTokens}' key, which the service under test trusts ({@link ServiceUnderTest}).
 */
public final class TestIdentities {

    private TestIdentities() {
    }

    /** A fresh institution id, so a test sees only its own data. */
    public static String newInstitution() {
        return "inst-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static VerifiedUser user(String userId, String institution, Role... roles) {
        return new VerifiedUser(userId, userId, Set.of(roles), institution);
    }

    /** The same user, whose token names the position (cargo) printed under their signature. */
    public static VerifiedUser withPosition(VerifiedUser user, String position) {
        return new VerifiedUser(user.userId(), user.name(), user.roles(), user.institutionId(), position);
    }

    public static Map<String, String> headers(VerifiedUser user) {
        return Map.of("Authorization", "Bearer " + TestTokens.token(user));
    }
}
