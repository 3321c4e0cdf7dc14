package org.mejora.identity;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one reading of a verified token's claims, used by the gateway and by every service: Mejora's own claims
 * ({@code roles}, {@code institution}, {@code position}), or Keycloak's realm roles.
 */
public final class VerifiedUsers {

    /** The claim with the position (cargo) the user signs with. */
    public static final String POSITION = "position";

    private VerifiedUsers() {
    }

    /** @throws IllegalArgumentException when the token does not name a user and an institution */
    public static VerifiedUser from(Jwt jwt) {
        String userId = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username")
                : jwt.getSubject();
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the token names no user");
        }
        String institution = jwt.getClaimAsString("institution");
        if (institution == null || institution.isBlank()) {
            throw new IllegalArgumentException("the token has no institution claim");
        }
        return new VerifiedUser(userId, jwt.getClaimAsString("name"), roles(jwt), institution,
                jwt.getClaimAsString(POSITION));
    }

    private static Set<Role> roles(Jwt jwt) {
        Collection<?> claimed = jwt.getClaimAsStringList("roles");
        if (claimed == null && jwt.getClaim("realm_access") instanceof Map<?, ?> realm
                && realm.get("roles") instanceof Collection<?> realmRoles) {
            claimed = realmRoles;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : claimed == null ? List.of() : claimed) {
            for (Role known : Role.values()) {
                if (known.name().equalsIgnoreCase(String.valueOf(role))) {
                    roles.add(known);
                }
            }
        }
        return roles;
    }
}
