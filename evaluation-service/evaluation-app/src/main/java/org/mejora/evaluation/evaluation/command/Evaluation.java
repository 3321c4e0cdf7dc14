package org.mejora.evaluation.evaluation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.CompetenciesRated;
import org.mejora.evaluation.api.CompetencyRating;
import org.mejora.evaluation.api.EvaluationConsolidated;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.EvaluationStepDeadlineNeared;
import org.mejora.evaluation.api.EvaluationStepOverdue;
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
import org.mejora.evaluation.api.state.EvaluationFold;
import org.mejora.evaluation.api.state.StepDeadlineNotices;
import org.mejora.evaluation.api.SelfEvaluationAccepted;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.SelfEvaluationModified;
import org.mejora.evaluation.api.SelfEvaluationNotAccepted;
import org.mejora.evaluation.api.SelfEvaluationRejected;
import org.mejora.evaluation.api.SelfEvaluationSubmitted;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.rules.Require;
import org.mejora.contract.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.mejora.evaluation.api.EvaluationStatus.COMPETENCIES_RATING;
import static org.mejora.evaluation.api.EvaluationStatus.COMPLETED;
import static org.mejora.evaluation.api.EvaluationStatus.CONSOLIDATED;
import static org.mejora.evaluation.api.EvaluationStatus.FINAL_RESULT_AWAITING_ACCEPTANCE;
import static org.mejora.evaluation.api.EvaluationStatus.GOALS_AWAITING_ACCEPTANCE;
import static org.mejora.evaluation.api.EvaluationStatus.GOALS_FORMULATION;
import static org.mejora.evaluation.api.EvaluationStatus.GOALS_IN_REVIEW;
import static org.mejora.evaluation.api.EvaluationStatus.SELF_EVALUATION_I;
import static org.mejora.evaluation.api.EvaluationStatus.SELF_EVALUATION_II;
import static org.mejora.evaluation.api.EvaluationStatus.SELF_EVALUATION_II_IN_REVIEW;
import static org.mejora.evaluation.api.EvaluationStatus.SELF_EVALUATION_I_AWAITING_ACCEPTANCE;
import static org.mejora.evaluation.api.EvaluationStatus.SELF_EVALUATION_I_IN_REVIEW;

/**
 * One servant's evaluation in one cycle (P-TH-10 steps 4 to 16). Only the servant acts as servant, only their
 * assigned supervisor as supervisor; a step out of order, or of a stage HR closed after the evaluation opened, is
 * rejected. Nothing is overwritten: a supervisor's modification is recorded beside the servant's original.
 */
@Aggregate
class Evaluation {

    private static final int MAX_TEXT = 2000;

    @AggregateIdentifier
    private String evaluationId;
    private String cycleId;
    private String institutionId;
    private int year;
    private String servantId;
    private String servantName;
    private String supervisorId;
    private String supervisorName;
    private Instant openedAt;
    private List<RatingLevel> scale;
    private BigDecimal goalsWeight;
    private BigDecimal competenciesWeight;
    private String thresholdLevel;
    private BigDecimal threshold;
    private List<String> competencies;
    private EvaluationStatus status;
    private List<Goal> goals = List.of();
    private final Map<FollowUp, List<GoalCompliance>> compliance = new EnumMap<>(FollowUp.class);
    private Score result;
    /** The last final result the servant did not accept, and why: what HR consolidates when they never accept. */
    private Score disputedResult;
    private String disagreement;
    /** The deadline facts raised so far, folded by the published rule (evaluation-api StepDeadlineNotices). */
    private StepDeadlineNotices deadlineNotices = StepDeadlineNotices.NONE;

    Evaluation() {
        // for Axon
    }

    /** Assigning a servant again must not open a second evaluation nor fail: an open evaluation ignores it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenEvaluationCommand command) {
        if (evaluationId != null) {
            return;
        }
        apply(new EvaluationOpened(command.evaluationId(), command.cycleId(), command.institutionId(),
                command.year(), command.servantId(), command.servantName(), command.supervisorId(),
                command.supervisorName(), command.scale(), command.goalsWeight(), command.competenciesWeight(),
                command.thresholdLevel(), command.threshold(), command.competencies()));
    }

    @CommandHandler
    void handle(SubmitGoalsCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        inStatus(command, GOALS_FORMULATION);
        apply(new GoalsSubmitted(evaluationId, validGoals(command.goals())));
    }

    @CommandHandler
    void handle(ApproveGoalsCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asSupervisor(actor, institution);
        inStatus(command, GOALS_IN_REVIEW);
        apply(new GoalsApproved(evaluationId));
    }

    @CommandHandler
    void handle(RejectGoalsCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asSupervisor(actor, institution);
        inStatus(command, GOALS_IN_REVIEW);
        apply(new GoalsRejected(evaluationId, reason(command.reason())));
    }

    @CommandHandler
    void handle(ModifyGoalsCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asSupervisor(actor, institution);
        inStatus(command, GOALS_IN_REVIEW);
        // P-TH-10 step 5: the servant accepts or not a modification whose reason they can read in the history
        apply(new GoalsModified(evaluationId, goals, validGoals(command.goals()), reason(command.reason())));
    }

    @CommandHandler
    void handle(AcceptGoalsCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        inStatus(command, GOALS_AWAITING_ACCEPTANCE);
        apply(new GoalsAccepted(evaluationId));
    }

    @CommandHandler
    void handle(NotAcceptGoalsCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        inStatus(command, GOALS_AWAITING_ACCEPTANCE);
        apply(new GoalsNotAccepted(evaluationId, reason(command.reason())));
    }

    @CommandHandler
    void handle(SubmitSelfEvaluationCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        FollowUp followUp = followUp(command.followUp());
        inStatus(command, writing(followUp));
        apply(new SelfEvaluationSubmitted(evaluationId, followUp, validCompliance(command.compliance())));
    }

    @CommandHandler
    void handle(ApproveSelfEvaluationCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asSupervisor(actor, institution);
        FollowUp followUp = followUp(command.followUp());
        inStatus(command, inReview(followUp));
        apply(new SelfEvaluationApproved(evaluationId, followUp));
    }

    @CommandHandler
    void handle(RejectSelfEvaluationCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asSupervisor(actor, institution);
        FollowUp followUp = followUp(command.followUp());
        inStatus(command, inReview(followUp));
        apply(new SelfEvaluationRejected(evaluationId, followUp, reason(command.reason())));
    }

    @CommandHandler
    void handle(ModifySelfEvaluationCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asSupervisor(actor, institution);
        FollowUp followUp = followUp(command.followUp());
        inStatus(command, inReview(followUp));
        apply(new SelfEvaluationModified(evaluationId, followUp, compliance.get(followUp),
                validCompliance(command.compliance()), reason(command.reason())));
    }

    /** Only the first follow-up is accepted on its own; the second is accepted with the final result (step 15). */
    @CommandHandler
    void handle(AcceptSelfEvaluationCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        firstFollowUpOnly(command.followUp());
        inStatus(command, SELF_EVALUATION_I_AWAITING_ACCEPTANCE);
        apply(new SelfEvaluationAccepted(evaluationId, FollowUp.I));
    }

    @CommandHandler
    void handle(NotAcceptSelfEvaluationCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        firstFollowUpOnly(command.followUp());
        inStatus(command, SELF_EVALUATION_I_AWAITING_ACCEPTANCE);
        apply(new SelfEvaluationNotAccepted(evaluationId, FollowUp.I, reason(command.reason())));
    }

    @CommandHandler
    void handle(RateCompetenciesCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asSupervisor(actor, institution);
        inStatus(command, COMPETENCIES_RATING);
        List<CompetencyRating> ratings = validRatings(command.ratings());
        apply(new CompetenciesRated(evaluationId, ratings, Scoring.score(goals, compliance.get(FollowUp.II),
                ratings, goalsWeight, competenciesWeight, scale, threshold)));
    }

    @CommandHandler
    void handle(AcceptFinalResultCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        inStatus(command, FINAL_RESULT_AWAITING_ACCEPTANCE);
        apply(new FinalResultAccepted(evaluationId, result));
    }

    @CommandHandler
    void handle(NotAcceptFinalResultCommand command, @MetaDataValue(EventMetadata.ACTOR_ID) String actor,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        asServant(actor, institution);
        inStatus(command, FINAL_RESULT_AWAITING_ACCEPTANCE);
        apply(new FinalResultNotAccepted(evaluationId, reason(command.reason())));
    }

    /**
     * HR folds the accepted result into the year; a result under the threshold requires an individual improvement
     * plan. Consolidating again changes nothing, so the plan is required exactly once.
     */
    @CommandHandler
    void handle(ConsolidateEvaluationCommand command,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        sameInstitution(institution);
        if (status == CONSOLIDATED) {
            return;
        }
        if (status != COMPLETED) {
            throw RuleViolation.illegalTransition("evaluation.not-completed", status);
        }
        apply(new EvaluationConsolidated(evaluationId, cycleId, year, servantId, result));
        if (result.belowThreshold()) {
            apply(new ImprovementPlanRequired(evaluationId, cycleId, institutionId, year, servantId, servantName,
                    supervisorId, supervisorName, result.finalScore(), result.ratingLevel(), threshold));
        }
    }

    /**
     * Step 16 for a servant who did not accept the final result: HR consolidates the last rated result, recording
     * the servant's disagreement and HR's reason, so that a result under the threshold still opens the individual
     * plan, and only once.
     */
    @CommandHandler
    void handle(ConsolidateNotAcceptedResultCommand command,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String institution) {
        sameInstitution(institution);
        if (status == CONSOLIDATED) {
            return;
        }
        String hrReason = reason(command.reason());
        Score consolidated = result != null ? result : disputedResult;
        if (disagreement == null || consolidated == null || status == COMPLETED) {
            throw RuleViolation.illegalTransition("evaluation.result-not-disputed", status);
        }
        apply(new EvaluationConsolidated(evaluationId, cycleId, year, servantId, consolidated, disagreement,
                hrReason));
        if (consolidated.belowThreshold()) {
            apply(new ImprovementPlanRequired(evaluationId, cycleId, institutionId, year, servantId, servantName,
                    supervisorId, supervisorName, consolidated.finalScore(), consolidated.ratingLevel(), threshold));
        }
    }

    /**
     * The deadline fact due today for the step this evaluation stands at, decided by the published rule
     * (StepDeadlineNotices.next): once per stage and deadline, so a repeated sweep raises nothing. Returns how many
     * events were raised.
     */
    @CommandHandler
    int handle(NoticeStepDeadlinesCommand command) {
        LocalDate today = Objects.requireNonNull(command.today(), "today");
        return deadlineNotices.next(status, command.deadlines(), today).map(notice -> {
            apply(notice.overdue()
                    ? new EvaluationStepOverdue(evaluationId, notice.stage(), notice.step(), notice.deadline(), today)
                    : new EvaluationStepDeadlineNeared(evaluationId, notice.stage(), notice.step(), notice.deadline(),
                    notice.daysLeft(), today));
            return 1;
        }).orElse(0);
    }

    @EventSourcingHandler
    void on(EvaluationStepDeadlineNeared event) {
        deadlineNotices = deadlineNotices.neared(event.stage(), event.deadline(), event.daysLeft());
    }

    @EventSourcingHandler
    void on(EvaluationStepOverdue event) {
        deadlineNotices = deadlineNotices.overdue(event.stage(), event.deadline());
    }

    @EventSourcingHandler
    void on(EvaluationOpened event, @Timestamp Instant at) {
        evaluationId = event.evaluationId();
        cycleId = event.cycleId();
        institutionId = event.institutionId();
        year = event.year();
        servantId = event.servantId();
        servantName = event.servantName();
        supervisorId = event.supervisorId();
        supervisorName = event.supervisorName();
        openedAt = at;
        scale = event.scale();
        goalsWeight = event.goalsWeight();
        competenciesWeight = event.competenciesWeight();
        thresholdLevel = event.thresholdLevel();
        threshold = event.threshold();
        competencies = event.competencies();
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(GoalsSubmitted event) {
        goals = event.goals();
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(GoalsApproved event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(GoalsRejected event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(GoalsModified event) {
        goals = event.modified();
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(GoalsAccepted event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(GoalsNotAccepted event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(SelfEvaluationSubmitted event) {
        compliance.put(event.followUp(), event.compliance());
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(SelfEvaluationApproved event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(SelfEvaluationRejected event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(SelfEvaluationModified event) {
        compliance.put(event.followUp(), event.modified());
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(SelfEvaluationAccepted event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(SelfEvaluationNotAccepted event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(CompetenciesRated event) {
        result = event.result();
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(FinalResultAccepted event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(FinalResultNotAccepted event) {
        disputedResult = result;
        disagreement = event.reason();
        result = null;
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    @EventSourcingHandler
    void on(EvaluationConsolidated event) {
        status = EvaluationFold.statusSetBy(event).orElse(status);
    }

    private void asServant(String actor, String institution) {
        sameInstitution(institution);
        if (!servantId.equals(actor)) {
            throw RuleViolation.forbidden("evaluation.only-servant");
        }
    }

    private void asSupervisor(String actor, String institution) {
        sameInstitution(institution);
        if (!supervisorId.equals(actor)) {
            throw RuleViolation.forbidden("evaluation.only-assigned-supervisor");
        }
    }

    /** An evaluation of another institution does not exist for the caller. */
    private void sameInstitution(String institution) {
        if (!institutionId.equals(institution)) {
            throw new AggregateNotFoundException(evaluationId, "evaluation of another institution");
        }
    }

    /**
     * The step must be the one the evaluation waits for, and its stage must not have been closed by HR since the
     * evaluation opened; a servant who joined after the close still goes through the stage.
     */
    private void inStatus(StepCommand command, EvaluationStatus expected) {
        if (status != expected) {
            throw RuleViolation.illegalTransition("evaluation.step-out-of-order", status, expected);
        }
        Stage stage = expected.stage();
        Instant closedAt = command.closedStages() == null ? null : command.closedStages().get(stage);
        if (closedAt != null && closedAt.isAfter(openedAt)) {
            throw RuleViolation.illegalTransition("stage.closed", stage);
        }
    }

    /** Where the servant writes a follow-up's self-evaluation, and where a rejected one goes back to. */
    private static EvaluationStatus writing(FollowUp followUp) {
        return followUp == FollowUp.I ? SELF_EVALUATION_I : SELF_EVALUATION_II;
    }

    private static EvaluationStatus inReview(FollowUp followUp) {
        return followUp == FollowUp.I ? SELF_EVALUATION_I_IN_REVIEW : SELF_EVALUATION_II_IN_REVIEW;
    }

    private static FollowUp followUp(FollowUp followUp) {
        if (followUp == null) {
            throw RuleViolation.invalid("field.required", "followUp", "followUp");
        }
        return followUp;
    }

    private static void firstFollowUpOnly(FollowUp followUp) {
        if (followUp(followUp) == FollowUp.II) {
            throw RuleViolation.illegalTransition("self-evaluation.ii-accepted-with-final-result");
        }
    }

    /** Goals numbered in the order given; weights sum to 100 and agreed percentages lie within 0-100. */
    private static List<Goal> validGoals(List<Goal> proposed) {
        if (proposed == null || proposed.isEmpty()) {
            throw RuleViolation.invalid("goals.required", "goals");
        }
        List<Goal> numbered = new ArrayList<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < proposed.size(); i++) {
            Goal goal = proposed.get(i);
            String at = "goals[" + i + "]";
            if (goal == null) {
                throw RuleViolation.invalid("field.required", at, at);
            }
            BigDecimal weight = Require.percent(goal.weight(), at + ".weight");
            if (weight.signum() == 0) {
                throw RuleViolation.invalid("goal.weight-positive", at + ".weight");
            }
            BigDecimal agreedI = Require.percent(goal.agreedPercentI(), at + ".agreedPercentI");
            BigDecimal agreedII = Require.percent(goal.agreedPercentII(), at + ".agreedPercentII");
            if (agreedII.signum() == 0 || agreedI.compareTo(agreedII) > 0) {
                throw RuleViolation.invalid("goal.agreed-percent-order", at + ".agreedPercentII");
            }
            numbered.add(new Goal(i + 1, text(goal.description(), at + ".description"),
                    text(goal.deliverable(), at + ".deliverable"), weight, agreedI, agreedII));
            weights = weights.add(weight);
        }
        Require.sumsToHundred(weights, "goals.weight");
        return List.copyOf(numbered);
    }

    /** Exactly one report per goal, each with a percentage within 0-100 and its evidence. */
    private List<GoalCompliance> validCompliance(List<GoalCompliance> reported) {
        if (reported == null || reported.isEmpty()) {
            throw RuleViolation.invalid("compliance.one-per-goal", "compliance");
        }
        Set<Integer> seen = new HashSet<>();
        List<GoalCompliance> valid = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            GoalCompliance item = reported.get(i);
            String at = "compliance[" + i + "]";
            if (item == null || item.goalNumber() < 1 || item.goalNumber() > goals.size()
                    || !seen.add(item.goalNumber())) {
                throw RuleViolation.invalid("compliance.one-per-goal", at + ".goalNumber");
            }
            valid.add(new GoalCompliance(item.goalNumber(),
                    Require.percent(item.compliancePercent(), at + ".compliancePercent"),
                    text(item.evidence(), at + ".evidence")));
        }
        if (seen.size() != goals.size()) {
            throw RuleViolation.invalid("compliance.one-per-goal", "compliance");
        }
        return List.copyOf(valid);
    }

    /** One rating, within 0-100, for each competency of the cycle. */
    private List<CompetencyRating> validRatings(List<CompetencyRating> ratings) {
        List<CompetencyRating> given = ratings == null ? List.of() : ratings;
        Set<String> rated = new HashSet<>();
        List<CompetencyRating> valid = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CompetencyRating rating = given.get(i);
            String at = "ratings[" + i + "]";
            if (rating == null || rating.competency() == null || !competencies.contains(rating.competency().strip())
                    || !rated.add(rating.competency().strip())) {
                throw RuleViolation.invalid("competencies.one-per-competency", at + ".competency");
            }
            valid.add(new CompetencyRating(rating.competency().strip(),
                    Require.percent(rating.score(), at + ".score"), optional(rating.comment())));
        }
        if (rated.size() != competencies.size()) {
            throw RuleViolation.invalid("competencies.one-per-competency", "ratings");
        }
        return List.copyOf(valid);
    }

    private static String reason(String reason) {
        return text(reason, "reason");
    }

    private static String text(String value, String field) {
        String text = Require.text(value, field);
        if (text.length() > MAX_TEXT) {
            throw RuleViolation.invalid("field.too-long", field, field, MAX_TEXT);
        }
        return text;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : text(value, "reason");
    }
}
