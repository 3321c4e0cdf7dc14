package org.mejora.identity;

/** The roles of DESIGN.md, as they appear in the JWT's {@code roles} claim and in {@link IdentityHeaders#ROLES}. */
public enum Role {
    SERVANT,
    SUPERVISOR,
    /** Talento humano. */
    HR,
    /** Responsible for a plan or an action. */
    PLAN_OWNER,
    PLAN_REVIEWER,
    PLAN_APPROVER,
    /** Read-only, all history of their institution. */
    AUDITOR,
    /** Reads the reports of every institution. */
    OVERSIGHT,
    /** Administrator of one institution. */
    ADMIN,
    /** Operates the platform: what spans institutions (rebuilds, reconciliation, history verification). */
    PLATFORM_ADMIN
}
