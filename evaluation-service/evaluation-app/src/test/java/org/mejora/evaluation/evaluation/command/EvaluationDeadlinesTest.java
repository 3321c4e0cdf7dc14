package org.mejora.evaluation.evaluation.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.EvaluationStepDeadlineNeared;
import org.mejora.evaluation.api.EvaluationStepOverdue;
import org.mejora.evaluation.api.Goal;
import org.mejora.evaluation.api.GoalsAccepted;
import org.mejora.evaluation.api.GoalsApproved;
import org.mejora.evaluation.api.GoalsSubmitted;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageDeadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The deadline facts of an evaluation's step, given/when/then: the evaluation decides, once per stage deadline. */
class EvaluationDeadlinesTest {

    private static final String ID = "ev-1";
    private static final LocalDate FORMULATION_ENDS = LocalDate.of(2026, 3, 31);
    private static final LocalDate FIRST_FOLLOW_UP_ENDS = LocalDate.of(2026, 7, 31);
    private static final List<StageDeadline> DEADLINES = List.of(
            new StageDeadline(Stage.FORMULATION, FORMULATION_ENDS),
            new StageDeadline(Stage.SELF_EVALUATION_I, FIRST_FOLLOW_UP_ENDS),
            new StageDeadline(Stage.SELF_EVALUATION_II, LocalDate.of(2026, 12, 15)));
    private static final List<Goal> GOALS = List.of(new Goal(1, "Informe", "Informe publicado",
            BigDecimal.valueOf(100), BigDecimal.valueOf(50), BigDecimal.valueOf(100)));

    private FixtureConfiguration<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    private static EvaluationOpened opened() {
        return new EvaluationOpened(ID, "cy-1", "upme", 2026, "mrojas", "María Rojas", "jgomez", "Jorge Gómez",
                List.of(new RatingLevel("No satisfactorio", BigDecimal.ZERO, BigDecimal.valueOf(65)),
                        new RatingLevel("Satisfactorio", BigDecimal.valueOf(65), BigDecimal.valueOf(100))),
                BigDecimal.valueOf(80), BigDecimal.valueOf(20), "Satisfactorio", BigDecimal.valueOf(65),
                List.of("Trabajo en equipo"));
    }

    private static NoticeStepDeadlinesCommand sweep(LocalDate today) {
        return new NoticeStepDeadlinesCommand(ID, DEADLINES, today);
    }

    @Test
    void nothingIsRaisedMoreThanAWeekBeforeTheStageDeadline() {
        fixture.given(opened()).when(sweep(FORMULATION_ENDS.minusDays(8))).expectNoEvents()
                .expectResultMessagePayload(0);
    }

    @Test
    void aWeekAndADayBeforeTheDeadlineTheWaitingStepIsReminded() {
        fixture.given(opened()).when(sweep(FORMULATION_ENDS.minusDays(7)))
                .expectEvents(new EvaluationStepDeadlineNeared(ID, Stage.FORMULATION,
                        EvaluationStatus.GOALS_FORMULATION, FORMULATION_ENDS, 7, FORMULATION_ENDS.minusDays(7)))
                .expectResultMessagePayload(1);
        fixture.given(opened(), new EvaluationStepDeadlineNeared(ID, Stage.FORMULATION,
                        EvaluationStatus.GOALS_FORMULATION, FORMULATION_ENDS, 7, FORMULATION_ENDS.minusDays(7)))
                .when(sweep(FORMULATION_ENDS.minusDays(3))).expectNoEvents();
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new EvaluationStepDeadlineNeared(ID, Stage.FORMULATION,
                        EvaluationStatus.GOALS_FORMULATION, FORMULATION_ENDS, 7, FORMULATION_ENDS.minusDays(7)))
                .when(sweep(FORMULATION_ENDS.minusDays(1)))
                .expectEvents(new EvaluationStepDeadlineNeared(ID, Stage.FORMULATION,
                        EvaluationStatus.GOALS_IN_REVIEW, FORMULATION_ENDS, 1, FORMULATION_ENDS.minusDays(1)));
    }

    @Test
    void aStepNotDoneByItsStageDeadlineIsOverdueOnce() {
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS))
                .when(sweep(FORMULATION_ENDS.plusDays(1)))
                .expectEvents(new EvaluationStepOverdue(ID, Stage.FORMULATION, EvaluationStatus.GOALS_IN_REVIEW,
                        FORMULATION_ENDS, FORMULATION_ENDS.plusDays(1)));
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new EvaluationStepOverdue(ID, Stage.FORMULATION,
                        EvaluationStatus.GOALS_IN_REVIEW, FORMULATION_ENDS, FORMULATION_ENDS.plusDays(1)))
                .when(sweep(FORMULATION_ENDS.plusDays(20))).expectNoEvents().expectResultMessagePayload(0);
    }

    @Test
    void aStageDoneInTimeGetsNothingAndTheNextStageHasItsOwnDeadline() {
        Object[] accepted = {opened(), new GoalsSubmitted(ID, GOALS), new GoalsApproved(ID), new GoalsAccepted(ID)};
        fixture.given(accepted).when(sweep(FORMULATION_ENDS.plusDays(1))).expectNoEvents();
        fixture.given(accepted).when(sweep(FIRST_FOLLOW_UP_ENDS.minusDays(1)))
                .expectEvents(new EvaluationStepDeadlineNeared(ID, Stage.SELF_EVALUATION_I,
                        EvaluationStatus.SELF_EVALUATION_I, FIRST_FOLLOW_UP_ENDS, 1,
                        FIRST_FOLLOW_UP_ENDS.minusDays(1)));
    }

    @Test
    void aCycleWithoutADeadlineForTheStageRaisesNothing() {
        fixture.given(opened())
                .when(new NoticeStepDeadlinesCommand(ID, List.of(), FORMULATION_ENDS.plusDays(1)))
                .expectNoEvents();
    }
}
