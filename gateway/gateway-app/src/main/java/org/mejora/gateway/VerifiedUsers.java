package org.mejora.gateway;

import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the user of a verified token: Mejora's own claims, or Keycloak's realm roles. */
final class VerifiedUsers {

    private VerifiedUsers() {
    }

    static VerifiedUser from(Jwt jwt) {
        String userId = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username")
                : jwt.getSubject();
        String institution = jwt.getClaimAsString("institution");
        if (institution == null || institution.isBlank()) {
            throw new IllegalArgumentException("the token has no institution claim");
        }
        return new VerifiedUser(userId, jwt.getClaimAsString("name"), roles(jwt), institution);
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
