package org.mejora.web.plans;

import org.junit.jupiter.api.Test;
import org.mejora.web.config.CurrentUser;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlanRightsTest {

    private static final CurrentUser OWNER = user("PLAN_OWNER");
    private static final CurrentUser REVIEWER = user("PLAN_REVIEWER");
    private static final CurrentUser APPROVER = user("PLAN_APPROVER");
    private static final CurrentUser ADMIN = user("ADMIN");
    private static final CurrentUser AUDITOR = user("AUDITOR");

    @Test
    void ownerEditsADraftButSubmitsItOnlyOnceItHasAnAction() {
        assertThat(PlanRights.of(OWNER, plan("DRAFT", false))).satisfies(rights -> {
            assertThat(rights.editable()).isTrue();
            assertThat(rights.steps()).isEmpty();
            assertThat(rights.submissionWaits()).isTrue();
        });
        assertThat(PlanRights.of(OWNER, plan("DRAFT", false, "PLANNED")).steps()).containsExactly(PlanStep.SUBMISSION);
        assertThat(PlanRights.of(REVIEWER, plan("DRAFT", false, "PLANNED")).editable()).isFalse();
    }

    @Test
    void reviewerReviewsOrRejectsOnlyWhatIsNotReviewedYet() {
        assertThat(PlanRights.of(REVIEWER, plan("IN_REVIEW", false, "PLANNED")).steps())
                .containsExactly(PlanStep.REVIEW, PlanStep.REJECTION);
        assertThat(PlanRights.of(REVIEWER, plan("IN_REVIEW", true, "PLANNED")).steps()).isEmpty();
        assertThat(PlanRights.of(APPROVER, plan("IN_REVIEW", false, "PLANNED")).steps()).isEmpty();
    }

    @Test
    void approverApprovesAReviewedPlanStartsItAndClosesItWhenEveryActionEnded() {
        assertThat(PlanRights.of(APPROVER, plan("IN_REVIEW", true, "PLANNED")).steps())
                .containsExactly(PlanStep.APPROVAL);
        assertThat(PlanRights.of(APPROVER, plan("APPROVED", true, "PLANNED")).steps())
                .containsExactly(PlanStep.EXECUTION);
        PlanRights running = PlanRights.of(APPROVER, plan("IN_EXECUTION", true, "CLOSED", "IN_PROGRESS"));
        assertThat(running.steps()).isEmpty();
        assertThat(running.closureWaits()).isTrue();
        assertThat(running.openActions()).isEqualTo(1);
        assertThat(PlanRights.of(APPROVER, plan("IN_EXECUTION", true, "CLOSED", "CANCELLED")).steps())
                .containsExactly(PlanStep.CLOSURE);
    }

    @Test
    void adminDoesAnythingAndAnAuditorNothing() {
        assertThat(PlanRights.of(ADMIN, plan("IN_REVIEW", false, "PLANNED")).steps())
                .containsExactly(PlanStep.REVIEW, PlanStep.REJECTION);
        assertThat(PlanRights.roleFor(ADMIN, plan("DRAFT", false), PlanStep.SUBMISSION)).isEqualTo("ADMIN");
        PlanRights auditor = PlanRights.of(AUDITOR, plan("IN_EXECUTION", true, "CLOSED"));
        assertThat(auditor.steps()).isEmpty();
        assertThat(auditor.editable()).isFalse();
        assertThat(auditor.closureWaits()).isFalse();
    }

    @Test
    void theServantOfAnIndividualPlanActsAsItsOwner() {
        Map<String, Object> plan = plan("DRAFT", false, "PLANNED");
        plan.put("individual", Map.of("servantId", "ana", "supervisorId", "jgomez"));
        CurrentUser ana = new CurrentUser("ana", "Ana", "upme", Set.of("SERVANT"));
        CurrentUser beto = new CurrentUser("beto", "Beto", "upme", Set.of("SERVANT"));
        assertThat(PlanRights.roleFor(ana, plan, PlanStep.SUBMISSION)).isEqualTo("SERVANT");
        assertThat(PlanRights.of(ana, plan).editable()).isTrue();
        assertThat(PlanRights.of(beto, plan).editable()).isFalse();
    }

    private static Map<String, Object> plan(String status, boolean reviewed, String... actionStatuses) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("status", status);
        plan.put("reviewedBy", reviewed ? Map.of("name", "Rita") : null);
        plan.put("findings", List.of(Map.of("actions",
                Arrays.stream(actionStatuses).map(s -> Map.of("status", s)).toList())));
        return plan;
    }

    private static CurrentUser user(String role) {
        return new CurrentUser("u-" + role, role, "inst", Set.of(role));
    }
}
