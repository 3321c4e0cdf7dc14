package org.mejora.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user whose token the gateway verified: who they are, their roles and their institution.
 *
 * @param userId        stable user id (the token's subject or preferred user name)
 * @param name          display name, used where a person signs (e.g. "Aprueba")
 * @param roles         roles granted by the identity provider
 * @param institutionId the institution the user belongs to
 */
public record VerifiedUser(String userId, String name, Set<Role> roles, String institutionId) {

    public VerifiedUser {
        requireText(userId, "userId");
        requireText(institutionId, "institutionId");
        name = name == null || name.isBlank() ? userId : name;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
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
