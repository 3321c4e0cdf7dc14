package org.mejora.gateway;

import org.mejora.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.mejora.identity.Role.ADMIN;
import static org.mejora.identity.Role.AUDITOR;
import static org.mejora.identity.Role.HR;
import static org.mejora.identity.Role.OVERSIGHT;
import static org.mejora.identity.Role.PLAN_APPROVER;
import static org.mejora.identity.Role.PLAN_OWNER;
import static org.mejora.identity.Role.PLAN_REVIEWER;
import static org.mejora.identity.Role.PLATFORM_ADMIN;
import static org.mejora.identity.Role.SERVANT;
import static org.mejora.identity.Role.SUPERVISOR;

/**
 * Which roles may reach which part of the API, in one table. It is coarse on purpose: the services enforce the
 * fine rules (a servant only on their own evaluation, nobody but OVERSIGHT on another institution's data); the
 * gateway only keeps a role away from a whole area it has no business in. The first matching rule decides; a path
 * under {@code /api} that no rule names is refused.
 */
final class AccessPolicy {

    enum Access {
        /** GET and HEAD: the requests that change nothing. */
        READ,
        /** Everything else. */
        WRITE,
        ANY
    }

    record Rule(PathPattern path, Access access, Set<Role> roles) {

        boolean matches(HttpMethod method, PathContainer requestPath) {
            boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
            boolean accessMatches = switch (access) {
                case READ -> read;
                case WRITE -> !read;
                case ANY -> true;
            };
            return accessMatches && path.matches(requestPath);
        }
    }

    private static final Set<Role> EVERY_INSTITUTION_ROLE = EnumSet.complementOf(EnumSet.of(PLATFORM_ADMIN));

    /**
     * AUDITOR reads everything of their institution and writes nothing; OVERSIGHT reads only the reports (of every
     * institution); individual improvement plans are written by servants, supervisors and HR too.
     */
    static final List<Rule> RULES = List.of(
            // Rebuilding projections replays every institution's events: the platform administrator's operation,
            // not an institution's ADMIN's; nor does the platform administrator read any institution's data.
            rule("/api/reports/rebuilds/**", Access.ANY, PLATFORM_ADMIN),
            rule("/api/reports/admin/**", Access.ANY, PLATFORM_ADMIN),
            rule("/api/reports/integrity/**", Access.ANY, PLATFORM_ADMIN),
            // Reporting against the producers, and what each producer holds now: auditors of the institution and
            // the platform administrator (for one or every institution); each service checks the institution.
            rule("/api/reports/reconciliation", Access.READ, AUDITOR, PLATFORM_ADMIN),
            rule("/api/plans/facts", Access.READ, AUDITOR, PLATFORM_ADMIN),
            rule("/api/cycles/facts", Access.READ, AUDITOR, PLATFORM_ADMIN),
            // Records plan-service's intake could not apply (dead letters) and their replay.
            rule("/api/plans/admin/**", Access.ANY, PLATFORM_ADMIN),
            // The producers' deadline sweeps span institutions (notify-facts).
            rule("/api/evaluations/admin/**", Access.ANY, PLATFORM_ADMIN),
            // Each user's own notifications and preferences (and an ADMIN's people directory): reporting decides.
            rule("/api/reports/notifications/**", Access.ANY, EVERY_INSTITUTION_ROLE),
            rule("/api/reports/**", Access.READ, EVERY_INSTITUTION_ROLE),
            // One aggregate's verifiable history: auditors of its institution, and the platform administrator.
            rule("/api/plans/*/history/**", Access.READ, AUDITOR, PLATFORM_ADMIN),
            rule("/api/evaluations/*/history/**", Access.READ, AUDITOR, PLATFORM_ADMIN),
            rule("/api/plans/**", Access.READ,
                    SERVANT, SUPERVISOR, HR, PLAN_OWNER, PLAN_REVIEWER, PLAN_APPROVER, AUDITOR, ADMIN),
            rule("/api/plans/**", Access.WRITE,
                    SERVANT, SUPERVISOR, HR, PLAN_OWNER, PLAN_REVIEWER, PLAN_APPROVER, ADMIN),
            rule("/api/cycles/**", Access.READ, SERVANT, SUPERVISOR, HR, AUDITOR, ADMIN),
            rule("/api/cycles/**", Access.WRITE, HR, ADMIN),
            rule("/api/evaluations/**", Access.READ, SERVANT, SUPERVISOR, HR, AUDITOR, ADMIN),
            rule("/api/evaluations/**", Access.WRITE, SERVANT, SUPERVISOR, HR, ADMIN));

    private AccessPolicy() {
    }

    static boolean allows(HttpMethod method, String path, Set<Role> roles) {
        PathContainer requestPath = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(rule -> rule.matches(method, requestPath))
                .findFirst()
                .map(rule -> rule.roles().stream().anyMatch(roles::contains))
                .orElse(false);
    }

    private static Rule rule(String path, Access access, Role... roles) {
        return rule(path, access, EnumSet.copyOf(List.of(roles)));
    }

    private static Rule rule(String path, Access access, Set<Role> roles) {
        return new Rule(PathPatternParser.defaultInstance.parse(path), access, Set.copyOf(roles));
    }
}
