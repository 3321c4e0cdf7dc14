package org.mejora.evaluation.cycle.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.CycleOpened;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.ServantAssigned;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageClosed;
import org.mejora.evaluation.api.StageDeadline;
import org.mejora.evaluation.api.YearConsolidated;
import org.mejora.evaluation.evaluation.command.OpenEvaluationCommand;
import org.mejora.evaluation.rules.RowsRejected;
import org.mejora.contract.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class EvaluationCycleTest {

    private static final String CYCLE = "cy-1";
    private static final Map<String, Object> HR = Map.of(EventMetadata.ACTOR_ID, "talento",
            EventMetadata.INSTITUTION_ID, "upme");
    private static final List<StageDeadline> STAGES = List.of(
            new StageDeadline(Stage.FORMULATION, LocalDate.of(2026, 3, 31)),
            new StageDeadline(Stage.SELF_EVALUATION_I, LocalDate.of(2026, 7, 31)),
            new StageDeadline(Stage.SELF_EVALUATION_II, LocalDate.of(2027, 2, 28)));
    private static final List<RatingLevel> SCALE = List.of(
            new RatingLevel("No satisfactorio", bd(0), bd(65)),
            new RatingLevel("Satisfactorio", bd(65), bd(90)),
            new RatingLevel("Sobresaliente", bd(90), bd(100)));
    private static final List<String> COMPETENCIES = List.of("Orientación a resultados", "Trabajo en equipo");

    private FixtureConfiguration<EvaluationCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EvaluationCycle.class);
    }

    private static BigDecimal bd(int value) {
        return BigDecimal.valueOf(value);
    }

    private static OpenCycleCommand open(List<RatingLevel> scale, int goalsWeight, int competenciesWeight) {
        return new OpenCycleCommand(CYCLE, "upme", 2026, "Evaluación 2026", STAGES, scale, bd(goalsWeight),
                bd(competenciesWeight), "Satisfactorio", COMPETENCIES);
    }

    private static CycleOpened opened() {
        return new CycleOpened(CYCLE, "upme", 2026, "Evaluación 2026", STAGES, SCALE, bd(80), bd(20),
                "Satisfactorio", COMPETENCIES);
    }

    private static Assignment row(String servant, String supervisor) {
        return new Assignment(servant, "Nombre " + servant, supervisor, "Nombre " + supervisor);
    }

    @Test
    void hrOpensACycleWithItsScaleWeightsAndStages() {
        fixture.givenNoPriorActivity().when(open(SCALE, 80, 20), HR).expectEvents(opened());
    }

    @Test
    void weightsMustSumToHundred() {
        fixture.givenNoPriorActivity().when(open(SCALE, 80, 30), HR)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("weights.must-sum-100"));
    }

    @Test
    void theScaleMustCoverZeroToHundredWithoutGaps() {
        List<RatingLevel> gap = List.of(new RatingLevel("No satisfactorio", bd(0), bd(60)),
                new RatingLevel("Satisfactorio", bd(65), bd(100)));
        fixture.givenNoPriorActivity().when(open(gap, 80, 20), HR)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("scale.gap-or-overlap"));
    }

    @Test
    void theThresholdMustBeALevelOfTheScale() {
        fixture.givenNoPriorActivity()
                .when(new OpenCycleCommand(CYCLE, "upme", 2026, null, STAGES, SCALE, bd(80), bd(20), "Excelente",
                        COMPETENCIES), HR)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("cycle.threshold-not-in-scale"));
    }

    @Test
    void everyStageNeedsADeadline() {
        fixture.givenNoPriorActivity()
                .when(new OpenCycleCommand(CYCLE, "upme", 2026, null, STAGES.subList(0, 2), SCALE, bd(80), bd(20),
                        "Satisfactorio", COMPETENCIES), HR)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("cycle.stage-missing"));
    }

    @Test
    void assigningServantsOpensTheirEvaluationsWithTheCycleTerms() {
        String evaluation = EvaluationIds.of(CYCLE, "mrojas");
        fixture.given(opened())
                .when(new AssignServantsCommand(CYCLE, List.of(row("mrojas", "jgomez"))), HR)
                .expectEvents(new ServantAssigned(CYCLE, evaluation, "mrojas", "Nombre mrojas", "jgomez",
                        "Nombre jgomez"))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<List<?>>("terms") {
                    @Override
                    protected boolean matchesSafely(List<?> result) {
                        OpenEvaluationCommand open = (OpenEvaluationCommand) result.get(0);
                        assertThat(open.threshold()).isEqualByComparingTo("65");
                        assertThat(open.evaluationId()).isEqualTo(evaluation);
                        return true;
                    }
                });
    }

    @Test
    void assigningTheSameServantAgainAddsNothing() {
        fixture.given(opened(), new ServantAssigned(CYCLE, EvaluationIds.of(CYCLE, "mrojas"), "mrojas", "M",
                        "jgomez", "J"))
                .when(new AssignServantsCommand(CYCLE, List.of(row("mrojas", "jgomez"))), HR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBulkAssignmentWithABadRowAssignsNobodyAndNamesEveryBadRow() {
        fixture.given(opened(), new ServantAssigned(CYCLE, EvaluationIds.of(CYCLE, "mrojas"), "mrojas", "M",
                        "jgomez", "J"))
                .when(new AssignServantsCommand(CYCLE, List.of(row("ana", "jgomez"), row("mrojas", "other"),
                        new Assignment("luis", "", "jgomez", "J"), row("ana", "jgomez"), row("pedro", "pedro"))), HR)
                .expectException(RowsRejected.class)
                .expectExceptionMessage(containsString("4 rows rejected"))
                .expectNoEvents();
    }

    @Test
    void hrOfAnotherInstitutionDoesNotSeeTheCycle() {
        fixture.given(opened())
                .when(new CloseStageCommand(CYCLE, Stage.FORMULATION, null),
                        Map.of(EventMetadata.ACTOR_ID, "x", EventMetadata.INSTITUTION_ID, "other"))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void hrClosesAStageOnce() {
        fixture.given(opened(), new StageClosed(CYCLE, Stage.FORMULATION, null))
                .when(new CloseStageCommand(CYCLE, Stage.FORMULATION, null), HR)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("stage.already-closed"));
    }

    @Test
    void hrClosesAStageWithItsReason() {
        fixture.given(opened())
                .when(new CloseStageCommand(CYCLE, Stage.FORMULATION, "Informe de avance I"), HR)
                .expectEvents(new StageClosed(CYCLE, Stage.FORMULATION, "Informe de avance I"));
    }

    @Test
    void theYearIsConsolidatedOnce() {
        fixture.given(opened(), new YearConsolidated(CYCLE, 2026))
                .when(new ConsolidateYearCommand(CYCLE), HR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
