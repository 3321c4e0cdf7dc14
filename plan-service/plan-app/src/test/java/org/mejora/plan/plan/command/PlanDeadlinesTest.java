package org.mejora.plan.plan.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionBecameOverdue;
import org.mejora.plan.api.ActionCancelled;
import org.mejora.plan.api.ActionDeadlineNeared;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionRemoved;
import org.mejora.plan.api.ActionResponsiblesAssigned;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.FindingSourceType;
import org.mejora.plan.api.PlanApproved;
import org.mejora.plan.api.PlanClosed;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanExecutionStarted;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;
import org.mejora.contract.RuleViolation;

import java.time.LocalDate;
import java.util.List;

/** The deadline facts and the responsibles of an action, given/when/then: the plan decides, once per due date. */
class PlanDeadlinesTest {

    /** The action's end "2023-06-15": due on that day. */
    private static final LocalDate DUE = LocalDate.of(2023, 6, 15);
    private static final Signature SIGNER = new Signature("Luz Andrea Hernández", "PLAN_OWNER", "Directora",
            LocalDate.of(2023, 3, 1), "lhernandez");

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    private static ActionDetails ending(String end) {
        return new ActionDetails("1", "Mesa de trabajo", null, null, List.of(), null, null, null, null, null,
                "2023-03-01", end, null, null);
    }

    private static Object[] draft() {
        return new Object[]{
                new PlanCreated("p-1", "calica", PlanKind.AUDIT, "Plan 2023", null, null, null, null, null, null,
                        null, "2023", null),
                new FindingAdded("p-1", "f-1", "1", "Sin política de innovación",
                        new FindingSource(FindingSourceType.OTHER, null, null, null), null),
                new ActionAdded("p-1", "f-1", "a-1", ending("2023-06-15"))};
    }

    private static Object[] inExecution(Object... more) {
        Object[] all = with(draft(), new PlanSubmittedForReview("p-1", SIGNER), new PlanReviewed("p-1", SIGNER, null),
                new PlanApproved("p-1", SIGNER), new PlanExecutionStarted("p-1", SIGNER));
        return with(all, more);
    }

    private static Object[] with(Object[] given, Object... more) {
        Object[] all = java.util.Arrays.copyOf(given, given.length + more.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    private static NoticeActionDeadlinesCommand sweep(LocalDate today) {
        return new NoticeActionDeadlinesCommand("p-1", today);
    }

    @Test
    void nothingIsRaisedMoreThanAWeekBefore() {
        fixture.given(inExecution()).when(sweep(DUE.minusDays(8))).expectSuccessfulHandlerExecution()
                .expectNoEvents().expectResultMessagePayload(0);
    }

    @Test
    void aWeekBeforeTheDueDateTheDeadlineNears() {
        fixture.given(inExecution()).when(sweep(DUE.minusDays(7)))
                .expectEvents(new ActionDeadlineNeared("p-1", "a-1", DUE, 7, DUE.minusDays(7)))
                .expectResultMessagePayload(1);
    }

    @Test
    void theWeekReminderIsRaisedOnceEvenWhenTheSweepRunsAgainLaterThatWeek() {
        fixture.given(inExecution(new ActionDeadlineNeared("p-1", "a-1", DUE, 7, DUE.minusDays(7))))
                .when(sweep(DUE.minusDays(5))).expectNoEvents().expectResultMessagePayload(0);
    }

    @Test
    void theDayBeforeComesTheSecondReminder() {
        fixture.given(inExecution(new ActionDeadlineNeared("p-1", "a-1", DUE, 7, DUE.minusDays(7))))
                .when(sweep(DUE.minusDays(1)))
                .expectEvents(new ActionDeadlineNeared("p-1", "a-1", DUE, 1, DUE.minusDays(1)));
    }

    @Test
    void aSweepThatMissedTheWeekRaisesOnlyTheNearestReminder() {
        fixture.given(inExecution()).when(sweep(DUE))
                .expectEvents(new ActionDeadlineNeared("p-1", "a-1", DUE, 0, DUE));
    }

    @Test
    void theDayAfterTheDueDateAnUnfinishedActionBecomesOverdueOnce() {
        fixture.given(inExecution(new ActionDeadlineNeared("p-1", "a-1", DUE, 1, DUE.minusDays(1))))
                .when(sweep(DUE.plusDays(1)))
                .expectEvents(new ActionBecameOverdue("p-1", "a-1", DUE, DUE.plusDays(1)));
        fixture.given(inExecution(new ActionBecameOverdue("p-1", "a-1", DUE, DUE.plusDays(1))))
                .when(sweep(DUE.plusDays(30))).expectNoEvents();
    }

    @Test
    void anOverdueSweepRaisesNoLateReminderBeforeIt() {
        fixture.given(inExecution()).when(sweep(DUE.plusDays(3)))
                .expectEvents(new ActionBecameOverdue("p-1", "a-1", DUE, DUE.plusDays(3)));
    }

    @Test
    void aRePlannedActionGetsNewFactsForItsNewDate() {
        LocalDate newDue = LocalDate.of(2023, 7, 31);
        fixture.given(with(draft(), new ActionBecameOverdue("p-1", "a-1", DUE, DUE.plusDays(1)),
                        new ActionEdited("p-1", "f-1", "a-1", ending("2023-07"))))
                .when(sweep(newDue.minusDays(7)))
                .expectEvents(new ActionDeadlineNeared("p-1", "a-1", newDue, 7, newDue.minusDays(7)));
        fixture.given(with(draft(), new ActionBecameOverdue("p-1", "a-1", DUE, DUE.plusDays(1)),
                        new ActionEdited("p-1", "f-1", "a-1", ending("2023-07"))))
                .when(sweep(newDue.plusDays(1)))
                .expectEvents(new ActionBecameOverdue("p-1", "a-1", newDue, newDue.plusDays(1)));
    }

    @Test
    void aFinishedCancelledOrRemovedActionGetsNone() {
        fixture.given(inExecution(new ActionImplemented("p-1", "a-1", "Actas", null, DUE.minusDays(2))))
                .when(sweep(DUE.plusDays(1))).expectNoEvents().expectResultMessagePayload(0);
        fixture.given(inExecution(new ActionCancelled("p-1", "a-1", "Ya no aplica")))
                .when(sweep(DUE.minusDays(1))).expectNoEvents();
        fixture.given(with(draft(), new ActionRemoved("p-1", "f-1", "a-1")))
                .when(sweep(DUE.plusDays(1))).expectNoEvents();
    }

    @Test
    void anActionWithoutAnEndGetsNone() {
        fixture.given(with(draft(), new ActionEdited("p-1", "f-1", "a-1", ending(null))))
                .when(sweep(DUE.plusDays(1))).expectNoEvents();
    }

    @Test
    void responsiblesAreAssignedByUserIdInOrderWithoutRepeats() {
        fixture.given(inExecution())
                .when(new AssignActionResponsiblesCommand("p-1", null, "a-1", List.of(" lhernandez", "jgomez",
                        "lhernandez")))
                .expectEvents(new ActionResponsiblesAssigned("p-1", "a-1", List.of("lhernandez", "jgomez")));
    }

    @Test
    void assigningTheSameResponsiblesAgainRaisesNothing() {
        fixture.given(inExecution(new ActionResponsiblesAssigned("p-1", "a-1", List.of("lhernandez"))))
                .when(new AssignActionResponsiblesCommand("p-1", null, "a-1", List.of("lhernandez")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aResponsibleMustBeAUserId() {
        fixture.given(draft())
                .when(new AssignActionResponsiblesCommand("p-1", null, "a-1", List.of("Luz Hernández")))
                .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("action.responsible-user-id"));
    }

    @Test
    void theResponsiblesOfAClosedPlanDoNotChange() {
        fixture.given(inExecution(new ActionCancelled("p-1", "a-1", "Ya no aplica"), new PlanClosed("p-1", SIGNER)))
                .when(new AssignActionResponsiblesCommand("p-1", null, "a-1", List.of("jgomez")))
                .expectException(RuleViolation.class);
    }
}
