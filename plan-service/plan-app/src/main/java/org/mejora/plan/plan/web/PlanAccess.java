package org.mejora.plan.plan.web;

import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.api.Signature;
import org.mejora.plan.plan.query.PlanQueries;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.contract.Forbidden;
import org.mejora.contract.NotFound;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Who may see and do what with a plan. Another institution's plan is unknown (404, never its data). On institutional
 * plans: PLAN_OWNER edits and follows up, PLAN_REVIEWER reviews and, as the control office of seed 001, verifies
 * compliance and effectiveness, closes and reopens; PLAN_APPROVER approves and starts execution; AUDITOR and HR read;
 * ADMIN does anything. On an individual plan the servant and their supervisor act as its owners, and HR reads.
 */
@Component
class PlanAccess {

    /** What a user is about to do with a plan, by the roles that may do it on an institutional plan. */
    enum Duty {
        READ(Role.PLAN_OWNER, Role.PLAN_REVIEWER, Role.PLAN_APPROVER, Role.AUDITOR, Role.HR, Role.ADMIN),
        OWN(Role.PLAN_OWNER, Role.ADMIN),
        REVIEW(Role.PLAN_REVIEWER, Role.ADMIN),
        APPROVE(Role.PLAN_APPROVER, Role.ADMIN),
        VERIFY(Role.PLAN_REVIEWER, Role.ADMIN),
        CANCEL(Role.PLAN_OWNER, Role.PLAN_APPROVER, Role.ADMIN);

        private final Role[] roles;

        Duty(Role... roles) {
            this.roles = roles;
        }
    }

    private final PlanQueries queries;
    private final Clock clock;

    PlanAccess(PlanQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The plan, if the user may do {@code duty} with it. */
    PlanView plan(String planId, VerifiedUser user, Duty duty) {
        return allowed(queries.plan(planId), planId, user, duty);
    }

    /** The plan's header (no findings or actions), if the user may do {@code duty} with it: what a command needs. */
    PlanView header(String planId, VerifiedUser user, Duty duty) {
        return allowed(queries.header(planId), planId, user, duty);
    }

    private PlanView allowed(java.util.Optional<PlanView> found, String planId, VerifiedUser user, Duty duty) {
        PlanView plan = found
                .filter(candidate -> candidate.institutionId.equals(user.institutionId()))
                .orElseThrow(() -> new NotFound("plan " + planId));
        if (role(plan, user, duty) == null) {
            if (duty != Duty.READ && role(plan, user, Duty.READ) != null) {
                throw new Forbidden(duty + " not allowed to " + user.roles());
            }
            throw new NotFound("plan " + planId);
        }
        return plan;
    }

    /** The role under which the user does {@code duty} on the plan (the one their events and signatures record). */
    Role actingAs(PlanView plan, VerifiedUser user, Duty duty) {
        Role role = role(plan, user, duty);
        if (role == null) {
            throw new Forbidden(duty + " not allowed");
        }
        return role;
    }

    /** The user's signature today: their name and position (cargo) as their token names them, never a request's. */
    Signature signature(VerifiedUser user, Role role) {
        return new Signature(user.name(), role.name(), user.position(), LocalDate.now(clock), user.userId());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Role role(PlanView plan, VerifiedUser user, Duty duty) {
        if (plan.individual != null && (duty == Duty.READ || duty == Duty.OWN || duty == Duty.CANCEL)) {
            if (user.userId().equals(plan.individual.servantId()) && user.has(Role.SERVANT)) {
                return Role.SERVANT;
            }
            if (user.userId().equals(plan.individual.supervisorId()) && user.has(Role.SUPERVISOR)) {
                return Role.SUPERVISOR;
            }
        }
        return Arrays.stream(duty.roles).filter(user::has).findFirst().orElse(null);
    }
}
