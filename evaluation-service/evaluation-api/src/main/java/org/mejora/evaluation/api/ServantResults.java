package org.mejora.evaluation.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who sees a servant's results (score, rating level, need of an individual improvement plan): the one rule that
 * evaluation-service and reporting both apply. The servant, their assigned supervisor, and HR and AUDITOR of the
 * servant's institution see the results with the servant's name; OVERSIGHT (of any institution) and the plan roles
 * of the institution see only counts, without names; nobody else sees anything, not even that the servant was
 * evaluated (an institution's ADMIN included).
 */
public final class ServantResults {

    /** What a reader sees of one servant's results. */
    public enum Visibility {
        /** The servant's name with their score, level and need of a plan. */
        RESULTS,
        /** Only as one among the counts (by level, needing a plan), never by name. */
        COUNTS,
        /** Nothing: the servant is left out of what the reader sees, counts included. */
        NONE;

        public boolean counted() {
            return this != NONE;
        }
    }

    /**
     * The reader, as their token names them.
     *
     * @param roles the names of their roles, as in the token's {@code roles} claim (e.g. {@code HR})
     */
    public record Reader(String userId, String institutionId, Set<String> roles) {
        public Reader {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(institutionId, "institutionId");
            roles = Set.copyOf(roles);
        }

        boolean hasAny(Set<String> candidates) {
            return roles.stream().anyMatch(candidates::contains);
        }
    }

    /** A servant evaluated in a cycle of {@code institutionId}, assigned to {@code supervisorId} (may be null). */
    public record Servant(String servantId, String institutionId, String supervisorId) {
    }

    private static final Set<String> EVERY_SERVANTS_RESULTS = Set.of("HR", "AUDITOR");
    private static final Set<String> PLAN_ROLES = Set.of("PLAN_OWNER", "PLAN_REVIEWER", "PLAN_APPROVER");
    private static final String OVERSIGHT = "OVERSIGHT";
    private static final Set<String> MAY_READ_SOME = Set.of("HR", "AUDITOR", "SERVANT", "SUPERVISOR",
            "PLAN_OWNER", "PLAN_REVIEWER", "PLAN_APPROVER");

    private ServantResults() {
    }

    /** What {@code reader} sees of {@code servant}'s results. */
    public static Visibility of(Reader reader, Servant servant) {
        boolean sameInstitution = reader.institutionId().equals(servant.institutionId());
        if (sameInstitution && (reader.userId().equals(servant.servantId())
                || reader.userId().equals(servant.supervisorId())
                || reader.hasAny(EVERY_SERVANTS_RESULTS))) {
            return Visibility.RESULTS;
        }
        if (reader.roles().contains(OVERSIGHT) || sameInstitution && reader.hasAny(PLAN_ROLES)) {
            return Visibility.COUNTS;
        }
        return Visibility.NONE;
    }

    /**
     * Whether {@code reader} may see anything at all of the results of {@code institutionId}'s servants: a report or
     * dashboard of that institution refuses everybody else (403) rather than answering an empty page.
     */
    public static boolean readsAny(Reader reader, String institutionId) {
        return reader.roles().contains(OVERSIGHT)
                || reader.institutionId().equals(institutionId) && reader.hasAny(MAY_READ_SOME);
    }
}
