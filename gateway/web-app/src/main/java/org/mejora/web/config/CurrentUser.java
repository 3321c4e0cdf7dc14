package org.mejora.web.config;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user as the screens need them: who, of which institution, with which roles, and the position (cargo)
 * their signatures print, from the identity provider (null when it names none). Pages use it only to decide what to
 * show; the services decide what is allowed.
 */
public record CurrentUser(String userId, String name, String institution, Set<String> roles, String position) {

    public CurrentUser(String userId, String name, String institution, Set<String> roles) {
        this(userId, name, institution, roles, null);
    }

    static CurrentUser of(OidcUser user) {
        String userId = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        Object claimed = user.getClaims().get("roles");
        Collection<?> roles = claimed instanceof Collection<?> list ? list : List.of();
        return new CurrentUser(userId, user.getFullName() != null ? user.getFullName() : userId,
                user.getClaimAsString("institution"),
                roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet()),
                user.getClaimAsString("position"));
    }

    /** Whether the user holds any of these roles, e.g. {@code me.has('PLAN_OWNER', 'ADMIN')} in a template. */
    public boolean has(String... anyOf) {
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean managesPlans() {
        return has("PLAN_OWNER", "PLAN_REVIEWER", "PLAN_APPROVER", "ADMIN");
    }

    public boolean readsPlans() {
        return managesPlans() || has("AUDITOR", "HR");
    }
}
