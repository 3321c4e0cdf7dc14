package org.mejora.plan.plan.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionCancelled;
import org.mejora.plan.api.ActionClosed;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionMarkedNotImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.ActionRemoved;
import org.mejora.plan.api.ActionReopened;
import org.mejora.plan.api.ActionTask;
import org.mejora.plan.api.ActionVerified;
import org.mejora.plan.api.EvidenceFile;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.FindingClosed;
import org.mejora.plan.api.FindingEdited;
import org.mejora.plan.api.FindingRemoved;
import org.mejora.plan.api.FindingReopened;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.FindingSourceType;
import org.mejora.plan.api.FollowUpReportDrafted;
import org.mejora.plan.api.FollowUpReportLine;
import org.mejora.plan.api.FollowUpReportSubmitted;
import org.mejora.plan.api.IndividualPlanLink;
import org.mejora.plan.api.PlanApproved;
import org.mejora.plan.api.PlanClosed;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanExecutionStarted;
import org.mejora.plan.api.PlanHeaderEdited;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.PlanReviewRejected;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;
import org.mejora.contract.RuleViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.containsString;

/** Every command of the plan and every transition it rejects, given/when/then. */
class PlanTest {

    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);
    private static final Signature RESPONSIBLE = new Signature("Luz Andrea Hernández", "PLAN_OWNER",
            "Directora de Planeación Estratégica", DAY, "lhernandez");
    private static final Signature REVIEWER = new Signature("Control Interno", "PLAN_REVIEWER", "Jefe de Control", DAY,
            "jlamprea");
    private static final Signature APPROVER = new Signature("Cesar Augusto Cruz", "PLAN_APPROVER",
            "Secretario de Planeación", DAY, "ccruz");
    /** The institution's ADMIN, who may sign any step, but not two steps of one plan under the rule. */
    private static final Signature ADMIN_AS_REVIEWER = new Signature("Admin", "ADMIN", null, DAY, "admin");
    private static final Signature ADMIN_AS_APPROVER = new Signature("Admin", "ADMIN", null, DAY, "admin");
    private static final FindingSource CAF = new FindingSource(FindingSourceType.CAF, "CRITERIO 1: LIDERAZGO",
            "Subcriterio 1.4", null);
    private static final List<ActionTask> TASKS = List.of(new ActionTask(1, "Comunicar a reunión"),
            new ActionTask(2, "Documentar acuerdos"));

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    private static PlanCreated created() {
        return new PlanCreated("p-1", "calica", PlanKind.AUDIT, "Plan de mejoramiento 2021",
                "ALCALDIA MUNICIPAL DE CALICA", "Gestión Estratégica",
                "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                "Directora de Planeación Estratégica", LocalDate.of(2021, 9, 21), "GEM-FM014", "02", "2021", null);
    }

    private static ActionDetails typed(String number, String start, String end) {
        return new ActionDetails(number, "Formalización de una mesa de trabajo", null, "Fortalecer las relaciones",
                TASKS, "Actas o minutos de reuniones", "Humanos / Tecnológicos", "Escuela Nacional de Migración",
                "Directora", "Dirección de Planeación", start, end, 4, "Apoyo de la Dirección Ejecutiva");
    }

    private static ActionDetails stored(String number, String start, String end) {
        return typed(number, start, end);
    }

    private static FindingAdded finding(String id, String number) {
        return new FindingAdded("p-1", id, number, "No se evidencia una política de innovación", CAF,
                "Fortalecer las relaciones");
    }

    private static ActionAdded action(String findingId, String actionId, String number) {
        return new ActionAdded("p-1", findingId, actionId, stored(number, "2023-T1", "2023-T2"));
    }

    private static Object[] draftWithAction() {
        return new Object[]{created(), finding("f-1", "1"), action("f-1", "a-1", "1")};
    }

    private static Object[] inExecution() {
        return new Object[]{created(), finding("f-1", "1"), action("f-1", "a-1", "1"),
                new PlanSubmittedForReview("p-1", RESPONSIBLE), new PlanReviewed("p-1", REVIEWER, null),
                new PlanApproved("p-1", APPROVER), new PlanExecutionStarted("p-1", APPROVER)};
    }

    private static Object[] with(Object[] given, Object... more) {
        Object[] all = java.util.Arrays.copyOf(given, given.length + more.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    private static Object[] implemented() {
        return with(inExecution(), new ActionImplemented("p-1", "a-1", "Actas", null, DAY));
    }

    private static Object[] closed() {
        return with(implemented(), new ActionVerified("p-1", "a-1", true, true, null, REVIEWER),
                new ActionClosed("p-1", "a-1", DAY), new FindingClosed("p-1", "f-1"));
    }

    private static Matcher<Throwable> rule(String rule) {
        return matching("a violation of " + rule, e -> e instanceof RuleViolation v && v.rule().equals(rule));
    }

    private static Matcher<Throwable> matching(String description, Predicate<Throwable> test) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return test.test(item);
            }
        };
    }

    // creation and header

    @Test
    void aNewPlanIsCreatedWithTheHeaderOfItsFormat() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", PlanKind.AUDIT, "Plan de mejoramiento 2021",
                        "ALCALDIA MUNICIPAL DE CALICA", "Gestión Estratégica",
                        "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                        "Directora de Planeación Estratégica", LocalDate.of(2021, 9, 21), "GEM-FM014", "02", "2021",
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void aPlanNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", PlanKind.AUDIT, "  ", null, null, null, null, null,
                        null, null, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("title"))
                .expectNoEvents();
    }

    @Test
    void aPlanNeedsAKind() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", null, "Plan", null, null, null, null, null,
                        null, null, null, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anIndividualPlanIsLinkedToItsServantEvaluationAndCycle() {
        IndividualPlanLink link = new IndividualPlanLink("s-1", "Ana", "sup-1", "Luis", "ev-1", "c-2024", 2024);
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", PlanKind.INDIVIDUAL, "Plan individual", null, null, null,
                        null, null, null, null, "2024", link))
                .expectEvents(new PlanCreated("p-1", "calica", PlanKind.INDIVIDUAL, "Plan individual", null, null,
                        null, null, null, null, null, "2024", link));
    }

    @Test
    void anIndividualPlanWithoutItsServantIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", PlanKind.INDIVIDUAL, "Plan individual", null, null, null,
                        null, null, null, null, "2024", null))
                .expectExceptionMessage(containsString("plan.individual-link"))
                .expectNoEvents();
    }

    @Test
    void theHeaderOfADraftCanBeEdited() {
        fixture.given(created())
                .when(new EditPlanHeaderCommand("p-1", null, "Plan 2022", "ALCALDIA", "Gestión", "GES-PR011",
                        "Directora", DAY, "GEM-FM014", "03", "2022"))
                .expectEvents(new PlanHeaderEdited("p-1", "Plan 2022", "ALCALDIA", "Gestión", "GES-PR011", "Directora",
                        DAY, "GEM-FM014", "03", "2022"));
    }

    @Test
    void theHeaderCannotBeEditedAfterApproval() {
        fixture.given(inExecution())
                .when(new EditPlanHeaderCommand("p-1", null, "Plan 2022", null, null, null, null, null, null, null,
                        null))
                .expectException(rule("plan.not-editable"))
                .expectNoEvents();
    }

    // findings

    @Test
    void aFindingIsAddedWithItsSource() {
        fixture.given(created())
                .when(new AddFindingCommand("p-1", null, "f-1", "1", "No se evidencia una política de innovación", CAF,
                        "Fortalecer las relaciones"))
                .expectEvents(finding("f-1", "1"));
    }

    @Test
    void twoFindingsCannotShareANumber() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new AddFindingCommand("p-1", null, "f-2", "1", "Otro", CAF, null))
                .expectException(rule("finding.duplicate-number"))
                .expectNoEvents();
    }

    @Test
    void aFindingIsEditedAndMayKeepItsOwnNumber() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new EditFindingCommand("p-1", null, "f-1", "1", "Nueva descripción", CAF, null))
                .expectEvents(new FindingEdited("p-1", "f-1", "1", "Nueva descripción", CAF, null));
    }

    @Test
    void anEditCannotTakeTheNumberOfAnotherFinding() {
        fixture.given(created(), finding("f-1", "1"), finding("f-2", "2"))
                .when(new EditFindingCommand("p-1", null, "f-2", "1", "Otro", CAF, null))
                .expectException(rule("finding.duplicate-number"));
    }

    @Test
    void aFindingIsRemoved() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new RemoveFindingCommand("p-1", null, "f-1"))
                .expectEvents(new FindingRemoved("p-1", "f-1"));
    }

    @Test
    void anUnknownFindingCannotBeRemoved() {
        fixture.given(created())
                .when(new RemoveFindingCommand("p-1", null, "f-9"))
                .expectException(rule("finding.unknown"));
    }

    @Test
    void findingsCannotBeAddedAfterSubmission() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new AddFindingCommand("p-1", null, "f-2", "2", "Otro", CAF, null))
                .expectException(rule("plan.not-editable"));
    }

    // actions

    @Test
    void anActionIsAddedWithItsDatesInCanonicalForm() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new AddActionCommand("p-1", null, "f-1", "a-1", typed("1", "T1-2023", "T2-2023")))
                .expectEvents(action("f-1", "a-1", "1"));
    }

    @Test
    void monthsAndDaysWithSpanishAbbreviationsAreRead() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new AddActionCommand("p-1", null, "f-1", "a-1", typed("1", "21sept-21", "ene-22")))
                .expectEvents(new ActionAdded("p-1", "f-1", "a-1", stored("1", "2021-09-21", "2022-01")));
    }

    @Test
    void anUnreadableDateIsRejectedNamingTheField() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new AddActionCommand("p-1", null, "f-1", "a-1", typed("1", "004-21", "ene-22")))
                .expectException(matching("unreadable start", e -> e instanceof RuleViolation v
                        && v.rule().equals("schedule-date.unreadable") && v.field().equals("start")))
                .expectNoEvents();
    }

    @Test
    void anActionCannotEndBeforeItStarts() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new AddActionCommand("p-1", null, "f-1", "a-1", typed("1", "T2-2023", "mar-23")))
                .expectException(rule("action.end-before-start"))
                .expectNoEvents();
    }

    @Test
    void anActionMayEndInTheSameQuarterItStarts() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new AddActionCommand("p-1", null, "f-1", "a-1", typed("1", "T1-2023", "T1-2023")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void twoActionsOfAPlanCannotShareANumber() {
        fixture.given(created(), finding("f-1", "1"), finding("f-2", "2"), action("f-1", "a-1", "1"))
                .when(new AddActionCommand("p-1", null, "f-2", "a-2", typed("1", "T1-2023", "T2-2023")))
                .expectException(rule("action.duplicate-number"));
    }

    @Test
    void anActionNeedsAnExistingFinding() {
        fixture.given(created())
                .when(new AddActionCommand("p-1", null, "f-9", "a-1", typed("1", "T1-2023", "T2-2023")))
                .expectException(rule("finding.unknown"));
    }

    @Test
    void anActionIsEdited() {
        fixture.given(draftWithAction())
                .when(new EditActionCommand("p-1", null, "a-1", typed("1", "jun-21", "ene-22")))
                .expectEvents(new ActionEdited("p-1", "f-1", "a-1", stored("1", "2021-06", "2022-01")));
    }

    @Test
    void anActionIsRemoved() {
        fixture.given(draftWithAction())
                .when(new RemoveActionCommand("p-1", null, "a-1"))
                .expectEvents(new ActionRemoved("p-1", "f-1", "a-1"));
    }

    @Test
    void actionsCannotBeEditedAfterApproval() {
        fixture.given(inExecution())
                .when(new EditActionCommand("p-1", null, "a-1", typed("1", "jun-21", "ene-22")))
                .expectException(rule("plan.not-editable"));
    }

    // workflow

    @Test
    void theResponsibleSignsAndSubmitsForReview() {
        fixture.given(draftWithAction())
                .when(new SubmitPlanForReviewCommand("p-1", null, RESPONSIBLE))
                .expectEvents(new PlanSubmittedForReview("p-1", RESPONSIBLE));
    }

    @Test
    void aPlanWithoutActionsCannotBeSubmitted() {
        fixture.given(created(), finding("f-1", "1"))
                .when(new SubmitPlanForReviewCommand("p-1", null, RESPONSIBLE))
                .expectException(rule("plan.without-actions"));
    }

    @Test
    void aSubmissionMustBeSigned() {
        fixture.given(draftWithAction())
                .when(new SubmitPlanForReviewCommand("p-1", null, null))
                .expectException(RuleViolation.class);
    }

    @Test
    void theReviewerSignsTheReview() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new ReviewPlanCommand("p-1", null, REVIEWER, "Sin observaciones"))
                .expectEvents(new PlanReviewed("p-1", REVIEWER, "Sin observaciones"));
    }

    @Test
    void aDraftCannotBeReviewed() {
        fixture.given(draftWithAction())
                .when(new ReviewPlanCommand("p-1", null, REVIEWER, null))
                .expectException(rule("plan.not-awaiting-review"));
    }

    @Test
    void theReviewerRejectsWithAReasonBackToDraft() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new RejectPlanReviewCommand("p-1", null, REVIEWER, "Faltan indicadores"))
                .expectEvents(new PlanReviewRejected("p-1", REVIEWER, "Faltan indicadores"));
    }

    @Test
    void aRejectionNeedsAReason() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new RejectPlanReviewCommand("p-1", null, REVIEWER, " "))
                .expectException(rule("field.required"));
    }

    @Test
    void aRejectedPlanIsEditableAgain() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE),
                        new PlanReviewRejected("p-1", REVIEWER, "Faltan indicadores")))
                .when(new EditActionCommand("p-1", null, "a-1", typed("1", "T1-2023", "T2-2023")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDraftCannotBeRejected() {
        fixture.given(draftWithAction())
                .when(new RejectPlanReviewCommand("p-1", null, REVIEWER, "x"))
                .expectException(rule("plan.not-in-review"));
    }

    @Test
    void theApproverSignsAReviewedPlan() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE),
                        new PlanReviewed("p-1", REVIEWER, null)))
                .when(new ApprovePlanCommand("p-1", null, APPROVER))
                .expectEvents(new PlanApproved("p-1", APPROVER));
    }

    // separation of duties

    @Test
    void whoElaboratedThePlanCannotReviewIt() {
        Signature ownReview = new Signature("Luz Andrea Hernández", "ADMIN", null, DAY, "lhernandez");
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new ReviewPlanCommand("p-1", null, ownReview, null))
                .expectException(rule("plan.separation-of-duties"))
                .expectNoEvents();
    }

    @Test
    void whoElaboratedThePlanCannotRejectItsReviewEither() {
        Signature ownReview = new Signature("Luz Andrea Hernández", "ADMIN", null, DAY, "lhernandez");
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new RejectPlanReviewCommand("p-1", null, ownReview, "Me falta un indicador"))
                .expectException(rule("plan.separation-of-duties"));
    }

    @Test
    void whoReviewedThePlanCannotApproveIt() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE),
                        new PlanReviewed("p-1", ADMIN_AS_REVIEWER, null)))
                .when(new ApprovePlanCommand("p-1", null, ADMIN_AS_APPROVER))
                .expectException(rule("plan.separation-of-duties"));
    }

    @Test
    void whoElaboratedThePlanCannotApproveIt() {
        Signature ownApproval = new Signature("Luz Andrea Hernández", "ADMIN", null, DAY, "lhernandez");
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE),
                        new PlanReviewed("p-1", REVIEWER, null)))
                .when(new ApprovePlanCommand("p-1", null, ownApproval))
                .expectException(rule("plan.separation-of-duties"));
    }

    @Test
    void afterARejectionTheReviewerOfTheFirstRoundMayElaborateAndAnotherUserReviews() {
        Signature reviewerResubmits = new Signature("Control Interno", "ADMIN", null, DAY, "jlamprea");
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE),
                        new PlanReviewRejected("p-1", REVIEWER, "Faltan indicadores"),
                        new PlanSubmittedForReview("p-1", reviewerResubmits)))
                .when(new ReviewPlanCommand("p-1", null, ADMIN_AS_REVIEWER, null))
                .expectEvents(new PlanReviewed("p-1", ADMIN_AS_REVIEWER, null));
    }

    @Test
    void aPlanCreatedWithTheRuleRelaxedSaysSoAndLetsOnePersonSignEveryStep() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", PlanKind.AUDIT, "Plan de una oficina pequeña", null,
                        null, null, null, null, null, null, "2023", null, true))
                .expectEvents(new PlanCreated("p-1", "calica", PlanKind.AUDIT, "Plan de una oficina pequeña", null,
                        null, null, null, null, null, null, "2023", null, true));

        Signature alone = new Signature("Admin", "ADMIN", null, DAY, "admin");
        fixture.given(new PlanCreated("p-1", "calica", PlanKind.AUDIT, "Plan de una oficina pequeña", null, null,
                        null, null, null, null, null, "2023", null, true), finding("f-1", "1"),
                        action("f-1", "a-1", "1"), new PlanSubmittedForReview("p-1", alone),
                        new PlanReviewed("p-1", alone, null))
                .when(new ApprovePlanCommand("p-1", null, alone))
                .expectEvents(new PlanApproved("p-1", alone));
    }

    @Test
    void signaturesRecordedBeforeTheirUserIdAreNotToldApart() {
        Signature old = new Signature("Luz Andrea Hernández", "PLAN_OWNER", null, DAY);
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", old)))
                .when(new ReviewPlanCommand("p-1", null, REVIEWER, null))
                .expectEvents(new PlanReviewed("p-1", REVIEWER, null));
    }

    @Test
    void aPlanCannotBeApprovedBeforeItsReview() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new ApprovePlanCommand("p-1", null, APPROVER))
                .expectException(rule("plan.not-reviewed"));
    }

    @Test
    void aDraftCannotBeApproved() {
        fixture.given(draftWithAction())
                .when(new ApprovePlanCommand("p-1", null, APPROVER))
                .expectException(rule("plan.not-in-review"));
    }

    @Test
    void anApprovedPlanGoesIntoExecution() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE),
                        new PlanReviewed("p-1", REVIEWER, null), new PlanApproved("p-1", APPROVER)))
                .when(new StartPlanExecutionCommand("p-1", null, APPROVER))
                .expectEvents(new PlanExecutionStarted("p-1", APPROVER));
    }

    @Test
    void onlyAnApprovedPlanGoesIntoExecution() {
        fixture.given(with(draftWithAction(), new PlanSubmittedForReview("p-1", RESPONSIBLE)))
                .when(new StartPlanExecutionCommand("p-1", null, APPROVER))
                .expectException(rule("plan.not-approved"));
    }

    // follow-up

    @Test
    void progressIsRecordedWithEvidence() {
        fixture.given(inExecution())
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 50, "Acta 01", "Reunión hecha", null, DAY))
                .expectEvents(new ActionProgressRecorded("p-1", "a-1", 50, 0, "Acta 01", "Reunión hecha", null, DAY));
    }

    private static final EvidenceFile MINUTES = new EvidenceFile("f-1", "acta-01.pdf", "application/pdf", 48213,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null);

    @Test
    void aFollowUpShowsFilesWhoseHashGoesInTheEventAndAFileAloneIsEvidence() {
        EvidenceFile photo = new EvidenceFile("f-2", "mesa.jpg", "image/jpeg", 120000,
                "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", 1);
        fixture.given(inExecution())
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 50, null, "Reunión hecha", null, DAY,
                        List.of(MINUTES, photo)))
                .expectEvents(new ActionProgressRecorded("p-1", "a-1", 50, 0, null, "Reunión hecha", null, DAY,
                        List.of(MINUTES, photo)));
    }

    @Test
    void aFileForATaskTheActionDoesNotHaveIsRefused() {
        EvidenceFile stray = new EvidenceFile("f-3", "x.pdf", "application/pdf", 10, MINUTES.sha256(), 9);
        fixture.given(inExecution())
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 25, "Acta", null, null, DAY,
                        List.of(stray)))
                .expectException(rule("evidence.unknown-task"));
    }

    @Test
    void aSubmittedReportListsTheFilesShownForEachAction() {
        fixture.given(with(inExecution(), new ActionProgressRecorded("p-1", "a-1", 50, 0, "Acta 01", null, null,
                        DAY, List.of(MINUTES)), new FollowUpReportDrafted("p-1", "r-1", "2023", null, null, null,
                        null, null, "Analista")))
                .when(new SubmitFollowUpReportCommand("p-1", null, "r-1", RESPONSIBLE))
                .expectEvents(new FollowUpReportSubmitted("p-1", "r-1", RESPONSIBLE, List.of(
                        new FollowUpReportLine("1", "Subcriterio 1.4", "Formalización de una mesa de trabajo",
                                "2023-T1", "2023-T2", "Fortalecer las relaciones", "IN_PROGRESS", "Acta 01",
                                List.of(MINUTES)))));
    }

    @Test
    void noProgressIsRecordedBeforeExecution() {
        fixture.given(draftWithAction())
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 50, "Acta 01", null, null, DAY))
                .expectException(rule("plan.not-in-execution"));
    }

    @Test
    void progressComesInQuarterSteps() {
        fixture.given(inExecution())
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 30, "Acta 01", null, null, DAY))
                .expectException(rule("progress.step"));
    }

    @Test
    void progressNeedsEvidence() {
        fixture.given(inExecution())
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 25, " ", null, null, DAY))
                .expectException(matching("evidence", e -> e instanceof RuleViolation v && "evidence".equals(v.field())));
    }

    @Test
    void progressCannotGoBackwardsWithoutAReason() {
        fixture.given(with(inExecution(),
                        new ActionProgressRecorded("p-1", "a-1", 75, 0, "Acta", null, null, DAY)))
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 50, "Acta 2", null, null, DAY))
                .expectException(rule("progress.backwards-without-reason"))
                .expectNoEvents();
    }

    @Test
    void progressGoesBackwardsWithAReason() {
        fixture.given(with(inExecution(),
                        new ActionProgressRecorded("p-1", "a-1", 75, 0, "Acta", null, null, DAY)))
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 50, "Acta 2", null, "Se repite", DAY))
                .expectEvents(new ActionProgressRecorded("p-1", "a-1", 50, 75, "Acta 2", null, "Se repite", DAY));
    }

    @Test
    void anActionIsMarkedImplementedWithEvidence() {
        fixture.given(inExecution())
                .when(new MarkActionImplementedCommand("p-1", null, "a-1", "Actas", null, DAY))
                .expectEvents(new ActionImplemented("p-1", "a-1", "Actas", null, DAY));
    }

    @Test
    void anImplementedActionTakesNoMoreProgress() {
        fixture.given(implemented())
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 100, "Acta", null, null, DAY))
                .expectException(rule("action.not-open"));
    }

    @Test
    void anImplementedActionIsVerified() {
        fixture.given(implemented())
                .when(new VerifyActionCommand("p-1", null, "a-1", true, false, "Sin impacto aún", REVIEWER))
                .expectEvents(new ActionVerified("p-1", "a-1", true, false, "Sin impacto aún", REVIEWER));
    }

    @Test
    void anActionInProgressCannotBeVerified() {
        fixture.given(inExecution())
                .when(new VerifyActionCommand("p-1", null, "a-1", true, true, null, REVIEWER))
                .expectException(rule("action.not-implemented"));
    }

    @Test
    void aVerificationSaysBothComplianceAndEffectiveness() {
        fixture.given(implemented())
                .when(new VerifyActionCommand("p-1", null, "a-1", true, null, null, REVIEWER))
                .expectException(matching("effective", e -> e instanceof RuleViolation v && "effective".equals(v.field())));
    }

    @Test
    void closingTheLastEffectiveActionClosesItsFinding() {
        fixture.given(with(implemented(), new ActionVerified("p-1", "a-1", true, true, null, REVIEWER)))
                .when(new CloseActionCommand("p-1", null, "a-1", DAY))
                .expectEvents(new ActionClosed("p-1", "a-1", DAY), new FindingClosed("p-1", "f-1"));
    }

    @Test
    void aFindingStaysOpenWhileAnActionIsNotEffective() {
        fixture.given(with(implemented(), new ActionVerified("p-1", "a-1", true, false, null, REVIEWER)))
                .when(new CloseActionCommand("p-1", null, "a-1", DAY))
                .expectEvents(new ActionClosed("p-1", "a-1", DAY));
    }

    @Test
    void anUnverifiedActionCannotBeClosed() {
        fixture.given(implemented())
                .when(new CloseActionCommand("p-1", null, "a-1", DAY))
                .expectException(rule("action.not-verified"));
    }

    @Test
    void aNonCompliantActionCannotBeClosed() {
        fixture.given(with(implemented(), new ActionVerified("p-1", "a-1", false, false, null, REVIEWER)))
                .when(new CloseActionCommand("p-1", null, "a-1", DAY))
                .expectException(rule("action.not-compliant"));
    }

    @Test
    void anActionInProgressCannotBeClosed() {
        fixture.given(inExecution())
                .when(new CloseActionCommand("p-1", null, "a-1", DAY))
                .expectException(rule("action.not-implemented"));
    }

    @Test
    void aClosedActionIsReopenedWithAReasonAndReopensItsFinding() {
        fixture.given(closed())
                .when(new ReopenActionCommand("p-1", null, "a-1", "La evidencia no corresponde"))
                .expectEvents(new ActionReopened("p-1", "a-1", "La evidencia no corresponde"),
                        new FindingReopened("p-1", "f-1"));
    }

    @Test
    void aReopeningNeedsAReason() {
        fixture.given(closed())
                .when(new ReopenActionCommand("p-1", null, "a-1", ""))
                .expectException(rule("field.required"));
    }

    @Test
    void onlyAClosedActionIsReopened() {
        fixture.given(implemented())
                .when(new ReopenActionCommand("p-1", null, "a-1", "x"))
                .expectException(rule("action.not-closed"));
    }

    @Test
    void aReopenedActionNeedsANewVerificationBeforeClosing() {
        fixture.given(with(closed(), new ActionReopened("p-1", "a-1", "x"), new FindingReopened("p-1", "f-1"),
                        new ActionImplemented("p-1", "a-1", "Actas 2", null, DAY)))
                .when(new CloseActionCommand("p-1", null, "a-1", DAY))
                .expectException(rule("action.not-verified"));
    }

    @Test
    void anActionIsMarkedNotImplementedWithAJustification() {
        fixture.given(inExecution())
                .when(new MarkActionNotImplementedCommand("p-1", null, "a-1", "Sin presupuesto"))
                .expectEvents(new ActionMarkedNotImplemented("p-1", "a-1", "Sin presupuesto"));
    }

    @Test
    void notImplementedNeedsAJustification() {
        fixture.given(inExecution())
                .when(new MarkActionNotImplementedCommand("p-1", null, "a-1", null))
                .expectException(rule("field.required"));
    }

    @Test
    void aClosedActionCannotBeMarkedNotImplemented() {
        fixture.given(closed())
                .when(new MarkActionNotImplementedCommand("p-1", null, "a-1", "x"))
                .expectException(rule("action.not-open"));
    }

    @Test
    void anActionIsCancelledWithAJustification() {
        fixture.given(inExecution())
                .when(new CancelActionCommand("p-1", null, "a-1", "Duplicada"))
                .expectEvents(new ActionCancelled("p-1", "a-1", "Duplicada"));
    }

    @Test
    void aCancellationNeedsAJustification() {
        fixture.given(inExecution())
                .when(new CancelActionCommand("p-1", null, "a-1", " "))
                .expectException(rule("field.required"));
    }

    @Test
    void cancellingTheLastOpenActionClosesAFindingWhoseOtherActionsAreClosedAndEffective() {
        fixture.given(created(), finding("f-1", "1"), action("f-1", "a-1", "1"), action("f-1", "a-2", "2"),
                        new PlanSubmittedForReview("p-1", RESPONSIBLE), new PlanReviewed("p-1", REVIEWER, null),
                        new PlanApproved("p-1", APPROVER), new PlanExecutionStarted("p-1", APPROVER),
                        new ActionImplemented("p-1", "a-1", "Actas", null, DAY),
                        new ActionVerified("p-1", "a-1", true, true, null, REVIEWER),
                        new ActionClosed("p-1", "a-1", DAY))
                .when(new CancelActionCommand("p-1", null, "a-2", "Duplicada"))
                .expectEvents(new ActionCancelled("p-1", "a-2", "Duplicada"), new FindingClosed("p-1", "f-1"));
    }

    @Test
    void aClosedActionCannotBeCancelled() {
        fixture.given(closed())
                .when(new CancelActionCommand("p-1", null, "a-1", "x"))
                .expectException(rule("action.not-cancellable"));
    }

    @Test
    void aCancelledActionTakesNoProgress() {
        fixture.given(with(inExecution(), new ActionCancelled("p-1", "a-1", "Duplicada")))
                .when(new RecordActionProgressCommand("p-1", null, "a-1", 25, "x", null, null, DAY))
                .expectException(rule("action.not-open"));
    }

    @Test
    void aPlanWhoseActionsAllEndedIsClosed() {
        fixture.given(closed())
                .when(new ClosePlanCommand("p-1", null, APPROVER))
                .expectEvents(new PlanClosed("p-1", APPROVER));
    }

    @Test
    void aPlanWithAnActionStillOpenIsNotClosed() {
        fixture.given(implemented())
                .when(new ClosePlanCommand("p-1", null, APPROVER))
                .expectException(rule("plan.actions-open"));
    }

    @Test
    void aPlanNotInExecutionIsNotClosed() {
        fixture.given(draftWithAction())
                .when(new ClosePlanCommand("p-1", null, APPROVER))
                .expectException(rule("plan.not-in-execution"));
    }

    @Test
    void aClosedPlanTakesNoMoreFollowUps() {
        fixture.given(with(closed(), new PlanClosed("p-1", APPROVER)))
                .when(new ReopenActionCommand("p-1", null, "a-1", "x"))
                .expectException(rule("plan.not-in-execution"));
    }

    // follow-up reports

    @Test
    void aReportIsDraftedForAPlanInExecution() {
        fixture.given(inExecution())
                .when(new DraftFollowUpReportCommand("p-1", null, "r-1", "2023", "Oficio", "NTSED", "Seguimiento",
                        "Se cumplió", "Continuar", "Analista"))
                .expectEvents(new FollowUpReportDrafted("p-1", "r-1", "2023", "Oficio", "NTSED", "Seguimiento",
                        "Se cumplió", "Continuar", "Analista"));
    }

    @Test
    void noReportIsDraftedForADraftPlan() {
        fixture.given(draftWithAction())
                .when(new DraftFollowUpReportCommand("p-1", null, "r-1", "2023", null, null, null, null, null, "A"))
                .expectException(rule("plan.not-approved"));
    }

    @Test
    void aSubmittedReportListsTheActionsAsTheyStand() {
        fixture.given(with(implemented(), new FollowUpReportDrafted("p-1", "r-1", "2023", null, null, null, null,
                        null, "Analista")))
                .when(new SubmitFollowUpReportCommand("p-1", null, "r-1", RESPONSIBLE))
                .expectEvents(new FollowUpReportSubmitted("p-1", "r-1", RESPONSIBLE, List.of(
                        new FollowUpReportLine("1", "Subcriterio 1.4", "Formalización de una mesa de trabajo",
                                "2023-T1", "2023-T2", "Fortalecer las relaciones", "IMPLEMENTED", "Actas"))));
    }

    @Test
    void aSubmittedReportCannotBeSubmittedOrRedraftedAgain() {
        Object[] submitted = with(inExecution(), new FollowUpReportDrafted("p-1", "r-1", "2023", null, null, null,
                null, null, "Analista"), new FollowUpReportSubmitted("p-1", "r-1", RESPONSIBLE, List.of()));
        fixture.given(submitted)
                .when(new SubmitFollowUpReportCommand("p-1", null, "r-1", RESPONSIBLE))
                .expectException(rule("report.submitted"));
        fixture.given(submitted)
                .when(new DraftFollowUpReportCommand("p-1", null, "r-1", "2023", null, null, null, null, null, "A"))
                .expectException(rule("report.submitted"));
    }

    @Test
    void anUnknownReportCannotBeSubmitted() {
        fixture.given(inExecution())
                .when(new SubmitFollowUpReportCommand("p-1", null, "r-9", RESPONSIBLE))
                .expectException(rule("report.unknown"));
    }
}
