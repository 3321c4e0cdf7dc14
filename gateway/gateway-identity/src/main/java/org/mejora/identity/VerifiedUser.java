package org.mejora.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user whose token was verified (by the gateway, and again by each service): who they are, their roles, their
 * institution and the position they sign with.
 *
 * @param userId        stable user id (the token's subject or preferred user name)
 * @param name          display name, used where a person signs (e.g. "Aprueba")
 * @param roles         roles granted by the identity provider
 * @param institutionId the institution the user belongs to
 * @param position      the position (cargo) printed under the user's signature; the identity provider's, never the
 *                      request's; null when the token names none
 */
public record VerifiedUser(String userId, String name, Set<Role> roles, String institutionId, String position) {

    public VerifiedUser {
        requireText(userId, "userId");
        requireText(institutionId, "institutionId");
        name = name == null || name.isBlank() ? userId : name;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        position = position == null || position.isBlank() ? null : position.strip();
    }

    /** A user whose token names no position. */
    public VerifiedUser(String userId, String name, Set<Role> roles, String institutionId) {
        this(userId, name, roles, institutionId, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** OVERSIGHT reads every institution; everybody else only their own. */
    public boolean canRead(String institution) {
        return has(Role.OVERSIGHT) || institutionId.equals(institution);
    }

    private static void requireText(String value, String field) {
        if (Objects.requireNonNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
