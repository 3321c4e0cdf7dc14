package org.mejora.plan.api.state;

import org.junit.jupiter.api.Test;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionClosed;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.ActionReopened;
import org.mejora.plan.api.ActionVerified;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.FindingRemoved;
import org.mejora.plan.api.PlanApproved;
import org.mejora.plan.api.PlanClosed;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanEvent;
import org.mejora.plan.api.PlanExecutionStarted;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanFoldTest {

    private static final Signature SIGNED = new Signature("Carlos Cruz", "PLAN_APPROVER", "Secretario",
            LocalDate.of(2023, 2, 1));

    private final List<PlanEvent> events = new ArrayList<>(List.of(
            new PlanCreated("p", "i", PlanKind.AUDIT, "Plan", null, null, null, null, null, null, null, "2023", null),
            new FindingAdded("p", "f", "1", "Sin política", null, null),
            new ActionAdded("p", "f", "a", details("1", "2023-T1")),
            new ActionAdded("p", "f", "b", details("2", "2023-06"))));

    private static ActionDetails details(String number, String end) {
        return new ActionDetails(number, "Diseñar la política", null, null, List.of(), null, null, null, null, null,
                "2023-01", end, 3, null);
    }

    private PlanState inExecution(PlanEvent... more) {
        events.addAll(List.of(new PlanSubmittedForReview("p", SIGNED), new PlanReviewed("p", SIGNED, null),
                new PlanApproved("p", SIGNED), new PlanExecutionStarted("p", SIGNED)));
        events.addAll(List.of(more));
        return PlanFold.replay(events);
    }

    @Test
    void anActionImplementedAtHalfItsProgressReadsAsImplementedInFull() {
        PlanState plan = inExecution(
                new ActionProgressRecorded("p", "a", 50, 0, "Acta", null, null, LocalDate.of(2023, 2, 10)),
                new ActionImplemented("p", "a", "Política publicada", null, LocalDate.of(2023, 2, 20)));

        ActionState action = plan.actions().get("a");
        assertThat(action.status()).isEqualTo(ActionStatus.IMPLEMENTED);
        assertThat(action.percent()).isEqualTo(100);
        assertThat(action.evidence()).isEqualTo("Política publicada");
        assertThat(action.implementedOn()).isEqualTo(LocalDate.of(2023, 2, 20));
    }

    @Test
    void aReopenedActionIsInProgressWithoutItsVerificationOrClosingDay() {
        PlanState plan = inExecution(
                new ActionImplemented("p", "a", "Política publicada", null, LocalDate.of(2023, 2, 20)),
                new ActionVerified("p", "a", true, true, null, SIGNED),
                new ActionClosed("p", "a", LocalDate.of(2023, 3, 1)),
                new ActionReopened("p", "a", "La política no se aplicó"));

        ActionState action = plan.actions().get("a");
        assertThat(action.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(action.compliant()).isNull();
        assertThat(action.effective()).isNull();
        assertThat(action.closedOn()).isNull();
    }

    @Test
    void removingAFindingRemovesItsActions() {
        events.add(new FindingRemoved("p", "f"));
        PlanState plan = PlanFold.replay(events);

        assertThat(plan.findings().get("f").removed()).isTrue();
        assertThat(plan.actions().values()).allMatch(ActionState::removed);
        assertThat(plan.liveActions()).isEmpty();
    }

    @Test
    void aClosedPlanIsClosedOnItsSignatureDay() {
        PlanState plan = inExecution(new PlanClosed("p", SIGNED));

        assertThat(plan.status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(plan.closedOn()).isEqualTo(SIGNED.date());
        assertThat(plan.approvedOn()).isEqualTo(SIGNED.date());
    }

    @Test
    void anOpenActionIsOverdueTheDayAfterItsEndPeriod() {
        PlanState plan = inExecution();

        ActionState action = plan.actions().get("a");
        assertThat(action.dueOn()).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(action.overdueOn(LocalDate.of(2023, 3, 31))).isFalse();
        assertThat(action.overdueOn(LocalDate.of(2023, 4, 1))).isTrue();
    }

    @Test
    void thePlanCannotCloseWhileAnActionIsImplementedButNotClosed() {
        PlanState plan = inExecution(new ActionImplemented("p", "a", "Evidencia", null, LocalDate.of(2023, 2, 20)));

        assertThat(plan.unfinishedActions()).isEqualTo(2);
        assertThat(PlanFacts.of(plan)).extracting(EntityFacts::type)
                .containsExactly("Plan", "Finding", "Action", "Action");
    }
}
