package org.mejora.evaluation.evaluation.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.CompetenciesRated;
import org.mejora.evaluation.api.CompetencyRating;
import org.mejora.evaluation.api.EvaluationConsolidated;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.FinalResultAccepted;
import org.mejora.evaluation.api.FinalResultNotAccepted;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.Goal;
import org.mejora.evaluation.api.GoalCompliance;
import org.mejora.evaluation.api.GoalsAccepted;
import org.mejora.evaluation.api.GoalsApproved;
import org.mejora.evaluation.api.GoalsModified;
import org.mejora.evaluation.api.GoalsNotAccepted;
import org.mejora.evaluation.api.GoalsRejected;
import org.mejora.evaluation.api.GoalsSubmitted;
import org.mejora.evaluation.api.ImprovementPlanRequired;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.Score;
import org.mejora.evaluation.api.SelfEvaluationAccepted;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.SelfEvaluationModified;
import org.mejora.evaluation.api.SelfEvaluationNotAccepted;
import org.mejora.evaluation.api.SelfEvaluationRejected;
import org.mejora.evaluation.api.SelfEvaluationSubmitted;
import org.mejora.evaluation.api.Stage;
import org.mejora.contract.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

/** Every branch of P-TH-10 for one servant's evaluation. */
class EvaluationTest {

    private static final String ID = "ev-1";
    private static final String INSTITUTION = "upme";
    private static final String SERVANT = "mrojas";
    private static final String SUPERVISOR = "jgomez";
    private static final Map<Stage, Instant> OPEN = Map.of();

    private static final List<RatingLevel> SCALE = List.of(
            new RatingLevel("No satisfactorio", bd(0), bd(65)),
            new RatingLevel("Satisfactorio", bd(65), bd(90)),
            new RatingLevel("Sobresaliente", bd(90), bd(100)));
    private static final List<String> COMPETENCIES = List.of("Orientación a resultados", "Trabajo en equipo");

    private static final Goal REPORT = new Goal(1, "Elaborar el informe de demanda", "Informe publicado",
            bd(60), bd(50), bd(100));
    private static final Goal SYSTEM = new Goal(2, "Actualizar el sistema de información", "Sistema actualizado",
            bd(40), bd(40), bd(100));
    private static final List<Goal> GOALS = List.of(REPORT, SYSTEM);

    private FixtureConfiguration<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    private static BigDecimal bd(int value) {
        return BigDecimal.valueOf(value);
    }

    private static Map<String, Object> as(String user) {
        return Map.of(EventMetadata.ACTOR_ID, user, EventMetadata.INSTITUTION_ID, INSTITUTION);
    }

    private static EvaluationOpened opened() {
        return new EvaluationOpened(ID, "cy-1", INSTITUTION, 2026, SERVANT, "María Rojas", SUPERVISOR,
                "Jorge Gómez", SCALE, bd(80), bd(20), "Satisfactorio", bd(65), COMPETENCIES);
    }

    private static OpenEvaluationCommand open() {
        return new OpenEvaluationCommand(ID, "cy-1", INSTITUTION, 2026, SERVANT, "María Rojas", SUPERVISOR,
                "Jorge Gómez", SCALE, bd(80), bd(20), "Satisfactorio", bd(65), COMPETENCIES);
    }

    private static List<GoalCompliance> compliance(int report, int system) {
        return List.of(new GoalCompliance(1, bd(report), "Acta 12"), new GoalCompliance(2, bd(system), "Release 3"));
    }

    private static List<CompetencyRating> ratings(int results, int team) {
        return List.of(new CompetencyRating("Orientación a resultados", bd(results), null),
                new CompetencyRating("Trabajo en equipo", bd(team), "Colabora"));
    }

    private TestExecutor<Evaluation> atGoalsInReview() {
        return fixture.given(opened(), new GoalsSubmitted(ID, GOALS));
    }

    private TestExecutor<Evaluation> atSelfEvaluationI() {
        return fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new GoalsApproved(ID), new GoalsAccepted(ID));
    }

    private Object[] untilSelfEvaluationII() {
        return new Object[]{opened(), new GoalsSubmitted(ID, GOALS), new GoalsApproved(ID), new GoalsAccepted(ID),
                new SelfEvaluationSubmitted(ID, FollowUp.I, compliance(50, 40)),
                new SelfEvaluationApproved(ID, FollowUp.I), new SelfEvaluationAccepted(ID, FollowUp.I)};
    }

    private Object[] with(Object[] events, Object... more) {
        Object[] all = java.util.Arrays.copyOf(events, events.length + more.length);
        System.arraycopy(more, 0, all, events.length, more.length);
        return all;
    }

    private static final Score RESULT = new Score(bd(100).setScale(2), bd(90).setScale(2),
            new BigDecimal("98.00"), "Sobresaliente", false);

    private Object[] untilFinalResult() {
        return with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II, compliance(100, 100)),
                new SelfEvaluationApproved(ID, FollowUp.II), new CompetenciesRated(ID, ratings(90, 90), RESULT));
    }

    // ---- opening

    @Test
    void anAssignmentOpensTheEvaluationWithTheCycleTerms() {
        fixture.givenNoPriorActivity().when(open()).expectEvents(opened());
    }

    @Test
    void assigningAgainOpensNothingMore() {
        fixture.given(opened()).when(open()).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // ---- step 4-6: goals

    @Test
    void theServantSendsGoalsNumberedInOrder() {
        Goal unnumbered = new Goal(0, " Elaborar el informe de demanda ", "Informe publicado", bd(60), bd(50),
                bd(100));
        fixture.given(opened())
                .when(new SubmitGoalsCommand(ID, List.of(unnumbered, SYSTEM), OPEN), as(SERVANT))
                .expectEvents(new GoalsSubmitted(ID, GOALS));
    }

    @Test
    void goalWeightsMustSumToHundred() {
        Goal heavy = new Goal(2, "Otra", "Otro", bd(50), bd(0), bd(100));
        fixture.given(opened())
                .when(new SubmitGoalsCommand(ID, List.of(REPORT, heavy), OPEN), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("weights.must-sum-100"))
                .expectNoEvents();
    }

    @Test
    void agreedPercentagesOutsideZeroToHundredAreRejected() {
        Goal over = new Goal(1, "Meta", "Entregable", bd(100), bd(50), bd(120));
        fixture.given(opened())
                .when(new SubmitGoalsCommand(ID, List.of(over), OPEN), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("percent.out-of-range [goals[0].agreedPercentII]"));
    }

    @Test
    void onlyTheServantFormulatesTheirGoals() {
        fixture.given(opened())
                .when(new SubmitGoalsCommand(ID, GOALS, OPEN), as(SUPERVISOR))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.only-servant"));
    }

    @Test
    void anotherInstitutionDoesNotSeeTheEvaluation() {
        fixture.given(opened())
                .when(new SubmitGoalsCommand(ID, GOALS, OPEN),
                        Map.of(EventMetadata.ACTOR_ID, SERVANT, EventMetadata.INSTITUTION_ID, "other"))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void theSupervisorApprovesTheGoals() {
        atGoalsInReview().when(new ApproveGoalsCommand(ID, OPEN), as(SUPERVISOR))
                .expectEvents(new GoalsApproved(ID));
    }

    @Test
    void onlyTheAssignedSupervisorReviewsTheGoals() {
        atGoalsInReview().when(new ApproveGoalsCommand(ID, OPEN), as("another-boss"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.only-assigned-supervisor"));
    }

    @Test
    void theSupervisorRejectsTheGoalsWithAReason() {
        atGoalsInReview().when(new RejectGoalsCommand(ID, "Faltan entregables medibles", OPEN), as(SUPERVISOR))
                .expectEvents(new GoalsRejected(ID, "Faltan entregables medibles"));
    }

    @Test
    void aRejectionNeedsAReason() {
        atGoalsInReview().when(new RejectGoalsCommand(ID, " ", OPEN), as(SUPERVISOR))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("field.required [reason]"));
    }

    @Test
    void rejectedGoalsGoBackToFormulation() {
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new GoalsRejected(ID, "Ajustar"))
                .when(new SubmitGoalsCommand(ID, GOALS, OPEN), as(SERVANT))
                .expectEvents(new GoalsSubmitted(ID, GOALS));
    }

    @Test
    void theSupervisorsModificationKeepsTheServantsOriginal() {
        Goal reweighted = new Goal(1, REPORT.description(), REPORT.deliverable(), bd(70), bd(50), bd(100));
        Goal lighter = new Goal(2, SYSTEM.description(), SYSTEM.deliverable(), bd(30), bd(40), bd(100));
        atGoalsInReview().when(new ModifyGoalsCommand(ID, List.of(reweighted, lighter), "Prioridad del PEI", OPEN),
                        as(SUPERVISOR))
                .expectEvents(new GoalsModified(ID, GOALS, List.of(reweighted, lighter), "Prioridad del PEI"));
    }

    @Test
    void aModificationOfGoalsWithoutAReasonIsRefused() {
        atGoalsInReview().when(new ModifyGoalsCommand(ID, GOALS, " ", OPEN), as(SUPERVISOR))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aModifiedGoalsEventWrittenWithoutAReasonStillReads() {
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new GoalsModified(ID, GOALS, GOALS, null))
                .when(new AcceptGoalsCommand(ID, OPEN), as(SERVANT))
                .expectEvents(new GoalsAccepted(ID));
    }

    @Test
    void theServantAcceptsTheApprovedGoals() {
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new GoalsApproved(ID))
                .when(new AcceptGoalsCommand(ID, OPEN), as(SERVANT))
                .expectEvents(new GoalsAccepted(ID));
    }

    @Test
    void theServantAcceptsTheModifiedGoals() {
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new GoalsModified(ID, GOALS, GOALS, null))
                .when(new AcceptGoalsCommand(ID, OPEN), as(SERVANT))
                .expectEvents(new GoalsAccepted(ID));
    }

    @Test
    void goalsNotAcceptedGoBackToFormulation() {
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new GoalsApproved(ID),
                        new GoalsNotAccepted(ID, "No estoy de acuerdo con el peso"))
                .when(new SubmitGoalsCommand(ID, GOALS, OPEN), as(SERVANT))
                .expectEvents(new GoalsSubmitted(ID, GOALS));
    }

    @Test
    void theServantDoesNotAcceptTheGoalsWithAReason() {
        fixture.given(opened(), new GoalsSubmitted(ID, GOALS), new GoalsApproved(ID))
                .when(new NotAcceptGoalsCommand(ID, "No estoy de acuerdo", OPEN), as(SERVANT))
                .expectEvents(new GoalsNotAccepted(ID, "No estoy de acuerdo"));
    }

    @Test
    void goalsCannotBeAcceptedBeforeTheSupervisorReviewedThem() {
        atGoalsInReview().when(new AcceptGoalsCommand(ID, OPEN), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.step-out-of-order"));
    }

    @Test
    void aStepOfAStageClosedAfterTheEvaluationOpenedIsRejected() {
        Map<Stage, Instant> closed = Map.of(Stage.FORMULATION, Instant.now().plus(1, ChronoUnit.HOURS));
        fixture.given(opened())
                .when(new SubmitGoalsCommand(ID, GOALS, closed), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("stage.closed"));
    }

    @Test
    void aServantWhoJoinedAfterTheStageClosedStillFormulatesGoals() {
        Map<Stage, Instant> closed = Map.of(Stage.FORMULATION, Instant.parse("2020-01-01T00:00:00Z"));
        fixture.given(opened())
                .when(new SubmitGoalsCommand(ID, GOALS, closed), as(SERVANT))
                .expectEvents(new GoalsSubmitted(ID, GOALS));
    }

    // ---- steps 8-10: self-evaluation I

    @Test
    void theServantReportsComplianceOfEachGoalWithEvidence() {
        atSelfEvaluationI().when(new SubmitSelfEvaluationCommand(ID, FollowUp.I, compliance(50, 40), OPEN),
                        as(SERVANT))
                .expectEvents(new SelfEvaluationSubmitted(ID, FollowUp.I, compliance(50, 40)));
    }

    @Test
    void everyGoalNeedsExactlyOneReport() {
        atSelfEvaluationI().when(new SubmitSelfEvaluationCommand(ID, FollowUp.I,
                        List.of(new GoalCompliance(1, bd(50), "Acta")), OPEN), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("compliance.one-per-goal"));
    }

    @Test
    void complianceAboveHundredIsRejected() {
        atSelfEvaluationI().when(new SubmitSelfEvaluationCommand(ID, FollowUp.I, compliance(101, 40), OPEN),
                        as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("percent.out-of-range"));
    }

    @Test
    void theSecondSelfEvaluationWaitsForTheFirst() {
        atSelfEvaluationI().when(new SubmitSelfEvaluationCommand(ID, FollowUp.II, compliance(50, 40), OPEN),
                        as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.step-out-of-order"));
    }

    private Object[] selfEvaluationIInReview() {
        return new Object[]{opened(), new GoalsSubmitted(ID, GOALS), new GoalsApproved(ID), new GoalsAccepted(ID),
                new SelfEvaluationSubmitted(ID, FollowUp.I, compliance(50, 40))};
    }

    @Test
    void theSupervisorApprovesTheFirstSelfEvaluation() {
        fixture.given(selfEvaluationIInReview())
                .when(new ApproveSelfEvaluationCommand(ID, FollowUp.I, OPEN), as(SUPERVISOR))
                .expectEvents(new SelfEvaluationApproved(ID, FollowUp.I));
    }

    @Test
    void theSupervisorRejectsTheFirstSelfEvaluationBackToTheServant() {
        fixture.given(with(selfEvaluationIInReview(), new SelfEvaluationRejected(ID, FollowUp.I, "Sin soporte")))
                .when(new SubmitSelfEvaluationCommand(ID, FollowUp.I, compliance(45, 40), OPEN), as(SERVANT))
                .expectEvents(new SelfEvaluationSubmitted(ID, FollowUp.I, compliance(45, 40)));
    }

    @Test
    void theSupervisorRejectsASelfEvaluationWithAReason() {
        fixture.given(selfEvaluationIInReview())
                .when(new RejectSelfEvaluationCommand(ID, FollowUp.I, "Sin soporte", OPEN), as(SUPERVISOR))
                .expectEvents(new SelfEvaluationRejected(ID, FollowUp.I, "Sin soporte"));
    }

    @Test
    void theSupervisorsModifiedComplianceKeepsTheServantsReport() {
        fixture.given(selfEvaluationIInReview())
                .when(new ModifySelfEvaluationCommand(ID, FollowUp.I, compliance(40, 40), "El acta no cubre 50 %",
                        OPEN), as(SUPERVISOR))
                .expectEvents(new SelfEvaluationModified(ID, FollowUp.I, compliance(50, 40), compliance(40, 40),
                        "El acta no cubre 50 %"));
    }

    @Test
    void aModificationOfASelfEvaluationWithoutAReasonIsRefused() {
        fixture.given(selfEvaluationIInReview())
                .when(new ModifySelfEvaluationCommand(ID, FollowUp.I, compliance(40, 40), null, OPEN), as(SUPERVISOR))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theServantAcceptsTheFirstSelfEvaluation() {
        fixture.given(with(selfEvaluationIInReview(), new SelfEvaluationApproved(ID, FollowUp.I)))
                .when(new AcceptSelfEvaluationCommand(ID, FollowUp.I, OPEN), as(SERVANT))
                .expectEvents(new SelfEvaluationAccepted(ID, FollowUp.I));
    }

    @Test
    void theServantDoesNotAcceptTheModifiedFirstSelfEvaluation() {
        fixture.given(with(selfEvaluationIInReview(),
                        new SelfEvaluationModified(ID, FollowUp.I, compliance(50, 40), compliance(40, 40), null)))
                .when(new NotAcceptSelfEvaluationCommand(ID, FollowUp.I, "El acta sí cubre 50 %", OPEN),
                        as(SERVANT))
                .expectEvents(new SelfEvaluationNotAccepted(ID, FollowUp.I, "El acta sí cubre 50 %"));
    }

    @Test
    void aFirstSelfEvaluationNotAcceptedIsReportedAgain() {
        fixture.given(with(selfEvaluationIInReview(), new SelfEvaluationApproved(ID, FollowUp.I),
                        new SelfEvaluationNotAccepted(ID, FollowUp.I, "No")))
                .when(new SubmitSelfEvaluationCommand(ID, FollowUp.I, compliance(50, 40), OPEN), as(SERVANT))
                .expectEvents(new SelfEvaluationSubmitted(ID, FollowUp.I, compliance(50, 40)));
    }

    @Test
    void theSecondSelfEvaluationIsAcceptedOnlyWithTheFinalResult() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 100)), new SelfEvaluationApproved(ID, FollowUp.II)))
                .when(new AcceptSelfEvaluationCommand(ID, FollowUp.II, OPEN), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("self-evaluation.ii-accepted-with-final-result"));
    }

    // ---- steps 12-15: self-evaluation II, competencies, final result

    @Test
    void theServantReportsTheSecondSelfEvaluation() {
        fixture.given(untilSelfEvaluationII())
                .when(new SubmitSelfEvaluationCommand(ID, FollowUp.II, compliance(100, 80), OPEN), as(SERVANT))
                .expectEvents(new SelfEvaluationSubmitted(ID, FollowUp.II, compliance(100, 80)));
    }

    @Test
    void aRejectedSecondSelfEvaluationIsReportedAgain() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 80)), new SelfEvaluationRejected(ID, FollowUp.II, "Sin evidencias")))
                .when(new SubmitSelfEvaluationCommand(ID, FollowUp.II, compliance(100, 80), OPEN), as(SERVANT))
                .expectEvents(new SelfEvaluationSubmitted(ID, FollowUp.II, compliance(100, 80)));
    }

    @Test
    void theSupervisorApprovesTheSecondSelfEvaluation() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 80))))
                .when(new ApproveSelfEvaluationCommand(ID, FollowUp.II, OPEN), as(SUPERVISOR))
                .expectEvents(new SelfEvaluationApproved(ID, FollowUp.II));
    }

    @Test
    void theSupervisorModifiesTheSecondSelfEvaluationKeepingTheServantsReport() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 80))))
                .when(new ModifySelfEvaluationCommand(ID, FollowUp.II, compliance(90, 80), "Entrega tardía", OPEN),
                        as(SUPERVISOR))
                .expectEvents(new SelfEvaluationModified(ID, FollowUp.II, compliance(100, 80), compliance(90, 80),
                        "Entrega tardía"));
    }

    @Test
    void theServantCannotReviewTheirOwnSelfEvaluation() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 80))))
                .when(new ApproveSelfEvaluationCommand(ID, FollowUp.II, OPEN), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.only-assigned-supervisor"));
    }

    @Test
    void aLateSelfEvaluationAfterHrClosedTheFirstStageIsRejected() {
        atSelfEvaluationI().when(new SubmitSelfEvaluationCommand(ID, FollowUp.I, compliance(50, 40),
                        Map.of(Stage.SELF_EVALUATION_I, Instant.now().plus(1, ChronoUnit.HOURS))), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("stage.closed"));
    }

    @Test
    void competenciesAreRatedAfterTheSecondSelfEvaluationIsApproved() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 100)), new SelfEvaluationApproved(ID, FollowUp.II)))
                .when(new RateCompetenciesCommand(ID, ratings(90, 90), OPEN), as(SUPERVISOR))
                .expectEvents(new CompetenciesRated(ID, ratings(90, 90), RESULT));
    }

    @Test
    void theFinalScoreUsesTheSupervisorsModificationAndTheCycleWeights() {
        // goals: 60 × 50/100 + 40 × 100/100 = 70; competencies (60 + 50) / 2 = 55; final 70 × 0.8 + 55 × 0.2 = 67
        Score satisfactory = new Score(new BigDecimal("70.00"), new BigDecimal("55.00"), new BigDecimal("67.00"),
                "Satisfactorio", false);
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 100)), new SelfEvaluationModified(ID, FollowUp.II, compliance(100, 100),
                        compliance(50, 100), "Informe incompleto")))
                .when(new RateCompetenciesCommand(ID, ratings(60, 50), OPEN), as(SUPERVISOR))
                .expectEvents(new CompetenciesRated(ID, ratings(60, 50), satisfactory));
    }

    @Test
    void competenciesCannotBeRatedBeforeTheSecondSelfEvaluationIsReviewed() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 100))))
                .when(new RateCompetenciesCommand(ID, ratings(90, 90), OPEN), as(SUPERVISOR))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.step-out-of-order"));
    }

    @Test
    void everyCompetencyOfTheCycleIsRatedOnce() {
        fixture.given(with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(100, 100)), new SelfEvaluationApproved(ID, FollowUp.II)))
                .when(new RateCompetenciesCommand(ID, List.of(new CompetencyRating("Trabajo en equipo", bd(80),
                        null)), OPEN), as(SUPERVISOR))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("competencies.one-per-competency"));
    }

    @Test
    void theServantAcceptsTheFinalResult() {
        fixture.given(untilFinalResult())
                .when(new AcceptFinalResultCommand(ID, OPEN), as(SERVANT))
                .expectEvents(new FinalResultAccepted(ID, RESULT));
    }

    @Test
    void aFinalResultNotAcceptedGoesBackToTheSecondSelfEvaluation() {
        fixture.given(with(untilFinalResult(), new FinalResultNotAccepted(ID, "Faltó la evidencia del sistema")))
                .when(new SubmitSelfEvaluationCommand(ID, FollowUp.II, compliance(100, 100), OPEN), as(SERVANT))
                .expectEvents(new SelfEvaluationSubmitted(ID, FollowUp.II, compliance(100, 100)));
    }

    @Test
    void theServantDoesNotAcceptTheFinalResultWithAReason() {
        fixture.given(untilFinalResult())
                .when(new NotAcceptFinalResultCommand(ID, "Faltó la evidencia", OPEN), as(SERVANT))
                .expectEvents(new FinalResultNotAccepted(ID, "Faltó la evidencia"));
    }

    @Test
    void aLateFinalAcceptanceAfterHrClosedTheStageIsRejected() {
        fixture.given(untilFinalResult())
                .when(new AcceptFinalResultCommand(ID, Map.of(Stage.SELF_EVALUATION_II,
                        Instant.now().plus(1, ChronoUnit.HOURS))), as(SERVANT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("stage.closed"));
    }

    // ---- step 16: consolidation

    @Test
    void hrConsolidatesAnAcceptedResult() {
        fixture.given(with(untilFinalResult(), new FinalResultAccepted(ID, RESULT)))
                .when(new ConsolidateEvaluationCommand(ID), as("hr"))
                .expectEvents(new EvaluationConsolidated(ID, "cy-1", 2026, SERVANT, RESULT));
    }

    @Test
    void aResultUnderTheThresholdRequiresAnIndividualImprovementPlan() {
        Score low = new Score(new BigDecimal("50.00"), new BigDecimal("60.00"), new BigDecimal("52.00"),
                "No satisfactorio", true);
        Object[] history = with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II,
                        compliance(50, 50)), new SelfEvaluationApproved(ID, FollowUp.II),
                new CompetenciesRated(ID, ratings(60, 60), low), new FinalResultAccepted(ID, low));
        fixture.given(history)
                .when(new ConsolidateEvaluationCommand(ID), as("hr"))
                .expectEvents(new EvaluationConsolidated(ID, "cy-1", 2026, SERVANT, low),
                        new ImprovementPlanRequired(ID, "cy-1", INSTITUTION, 2026, SERVANT, "María Rojas",
                                SUPERVISOR, "Jorge Gómez", new BigDecimal("52.00"), "No satisfactorio", bd(65)));
    }

    @Test
    void consolidatingTwiceRequiresNothingMore() {
        fixture.given(with(untilFinalResult(), new FinalResultAccepted(ID, RESULT),
                        new EvaluationConsolidated(ID, "cy-1", 2026, SERVANT, RESULT)))
                .when(new ConsolidateEvaluationCommand(ID), as("hr"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static final Score LOW = new Score(new BigDecimal("50.00"), new BigDecimal("60.00"),
            new BigDecimal("52.00"), "No satisfactorio", true);

    private Object[] lowResultNotAccepted() {
        return with(untilSelfEvaluationII(), new SelfEvaluationSubmitted(ID, FollowUp.II, compliance(50, 50)),
                new SelfEvaluationApproved(ID, FollowUp.II), new CompetenciesRated(ID, ratings(60, 60), LOW),
                new FinalResultNotAccepted(ID, "No comparto la calificación de competencias"));
    }

    @Test
    void hrConsolidatesALowResultTheServantDidNotAcceptAndTheIndividualPlanOpens() {
        fixture.given(lowResultNotAccepted())
                .when(new ConsolidateNotAcceptedResultCommand(ID, "Venció el plazo de la etapa sin aceptación"),
                        as("hr"))
                .expectEvents(new EvaluationConsolidated(ID, "cy-1", 2026, SERVANT, LOW,
                                "No comparto la calificación de competencias",
                                "Venció el plazo de la etapa sin aceptación"),
                        new ImprovementPlanRequired(ID, "cy-1", INSTITUTION, 2026, SERVANT, "María Rojas",
                                SUPERVISOR, "Jorge Gómez", new BigDecimal("52.00"), "No satisfactorio", bd(65)));
    }

    @Test
    void aNotAcceptedResultConsolidatedTwiceRequiresThePlanOnlyOnce() {
        fixture.given(with(lowResultNotAccepted(), new EvaluationConsolidated(ID, "cy-1", 2026, SERVANT, LOW,
                        "No comparto la calificación de competencias", "Venció el plazo")))
                .when(new ConsolidateNotAcceptedResultCommand(ID, "Otra vez"), as("hr"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void consolidatingWithoutAcceptanceNeedsAReason() {
        fixture.given(lowResultNotAccepted())
                .when(new ConsolidateNotAcceptedResultCommand(ID, ""), as("hr"))
                .expectException(RuleViolation.class);
    }

    @Test
    void anAcceptedResultIsNotConsolidatedAsNotAccepted() {
        fixture.given(with(untilFinalResult(), new FinalResultAccepted(ID, RESULT)))
                .when(new ConsolidateNotAcceptedResultCommand(ID, "Venció el plazo"), as("hr"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.result-not-disputed"));
    }

    @Test
    void anEvaluationNotYetAcceptedCannotBeConsolidated() {
        fixture.given(untilFinalResult())
                .when(new ConsolidateEvaluationCommand(ID), as("hr"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("evaluation.not-completed"));
    }
}
