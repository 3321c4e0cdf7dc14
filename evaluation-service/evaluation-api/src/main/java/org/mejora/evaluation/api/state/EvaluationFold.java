package org.mejora.evaluation.api.state;

import org.mejora.evaluation.api.CompetenciesRated;
import org.mejora.evaluation.api.EvaluationConsolidated;
import org.mejora.evaluation.api.EvaluationEvent;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.EvaluationStepDeadlineNeared;
import org.mejora.evaluation.api.EvaluationStepOverdue;
import org.mejora.evaluation.api.FinalResultAccepted;
import org.mejora.evaluation.api.FinalResultNotAccepted;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.GoalsAccepted;
import org.mejora.evaluation.api.GoalsApproved;
import org.mejora.evaluation.api.GoalsModified;
import org.mejora.evaluation.api.GoalsNotAccepted;
import org.mejora.evaluation.api.GoalsRejected;
import org.mejora.evaluation.api.GoalsSubmitted;
import org.mejora.evaluation.api.ImprovementPlanRequired;
import org.mejora.evaluation.api.SelfEvaluationAccepted;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.SelfEvaluationModified;
import org.mejora.evaluation.api.SelfEvaluationNotAccepted;
import org.mejora.evaluation.api.SelfEvaluationRejected;
import org.mejora.evaluation.api.SelfEvaluationSubmitted;

import java.util.List;
import java.util.Optional;

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
 * What each evaluation event does to the state an auditor sees (P-TH-10 steps 4-16): the one definition, used by the
 * Evaluation aggregate, evaluation-service's views and reporting alike, dispatched through
 * {@link EvaluationEvent.Cases} so that an event it does not handle does not compile.
 */
public final class EvaluationFold {

    private static final StatusSetBy STATUS = new StatusSetBy();

    private EvaluationFold() {
    }

    /** @param before null before the evaluation's first event */
    public static EvaluationState apply(EvaluationState before, EvaluationEvent event) {
        return event.accept(new Step(before));
    }

    public static EvaluationState replay(List<? extends EvaluationEvent> events) {
        EvaluationState state = null;
        for (EvaluationEvent event : events) {
            state = apply(state, event);
        }
        return state;
    }

    /** The step an event moves the evaluation to; empty for an event that moves it nowhere. */
    public static Optional<EvaluationStatus> statusSetBy(EvaluationEvent event) {
        return Optional.ofNullable(event.accept(STATUS));
    }

    private static EvaluationStatus writing(FollowUp followUp) {
        return followUp == FollowUp.I ? SELF_EVALUATION_I : SELF_EVALUATION_II;
    }

    private static EvaluationStatus inReview(FollowUp followUp) {
        return followUp == FollowUp.I ? SELF_EVALUATION_I_IN_REVIEW : SELF_EVALUATION_II_IN_REVIEW;
    }

    /** Approved or modified: the first follow-up awaits the servant's acceptance; the second goes to rating. */
    private static EvaluationStatus afterApproval(FollowUp followUp) {
        return followUp == FollowUp.I ? SELF_EVALUATION_I_AWAITING_ACCEPTANCE : COMPETENCIES_RATING;
    }

    private record Step(EvaluationState s) implements EvaluationEvent.Cases<EvaluationState> {

        private EvaluationState moved(EvaluationEvent event) {
            return s.with(statusSetBy(event).orElse(s.status()), s.result(), s.improvementPlanRequired());
        }

        @Override
        public EvaluationState on(EvaluationOpened e) {
            return new EvaluationState(e.evaluationId(), e.cycleId(), e.institutionId(), e.servantId(),
                    e.supervisorId(), GOALS_FORMULATION, null, false, StepDeadlineNotices.NONE);
        }

        @Override
        public EvaluationState on(GoalsSubmitted e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(GoalsApproved e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(GoalsRejected e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(GoalsModified e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(GoalsAccepted e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(GoalsNotAccepted e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(SelfEvaluationSubmitted e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(SelfEvaluationApproved e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(SelfEvaluationRejected e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(SelfEvaluationModified e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(SelfEvaluationAccepted e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(SelfEvaluationNotAccepted e) {
            return moved(e);
        }

        @Override
        public EvaluationState on(CompetenciesRated e) {
            return s.with(FINAL_RESULT_AWAITING_ACCEPTANCE, e.result(), s.improvementPlanRequired());
        }

        @Override
        public EvaluationState on(FinalResultAccepted e) {
            return s.with(COMPLETED, e.result() != null ? e.result() : s.result(), s.improvementPlanRequired());
        }

        /** Not accepted: back to the second self-evaluation, and the rated result no longer stands. */
        @Override
        public EvaluationState on(FinalResultNotAccepted e) {
            return s.with(SELF_EVALUATION_II, null, s.improvementPlanRequired());
        }

        @Override
        public EvaluationState on(EvaluationConsolidated e) {
            return s.with(CONSOLIDATED, e.result() != null ? e.result() : s.result(), s.improvementPlanRequired());
        }

        @Override
        public EvaluationState on(ImprovementPlanRequired e) {
            return s.with(s.status(), s.result(), true);
        }

        @Override
        public EvaluationState on(EvaluationStepDeadlineNeared e) {
            return s.withNotices(s.deadlineNotices().neared(e.stage(), e.deadline(), e.daysLeft()));
        }

        @Override
        public EvaluationState on(EvaluationStepOverdue e) {
            return s.withNotices(s.deadlineNotices().overdue(e.stage(), e.deadline()));
        }
    }

    /** The status each event sets, null where it sets none. */
    private static final class StatusSetBy implements EvaluationEvent.Cases<EvaluationStatus> {

        @Override
        public EvaluationStatus on(EvaluationOpened e) {
            return GOALS_FORMULATION;
        }

        @Override
        public EvaluationStatus on(GoalsSubmitted e) {
            return GOALS_IN_REVIEW;
        }

        @Override
        public EvaluationStatus on(GoalsApproved e) {
            return GOALS_AWAITING_ACCEPTANCE;
        }

        @Override
        public EvaluationStatus on(GoalsRejected e) {
            return GOALS_FORMULATION;
        }

        @Override
        public EvaluationStatus on(GoalsModified e) {
            return GOALS_AWAITING_ACCEPTANCE;
        }

        @Override
        public EvaluationStatus on(GoalsAccepted e) {
            return SELF_EVALUATION_I;
        }

        @Override
        public EvaluationStatus on(GoalsNotAccepted e) {
            return GOALS_FORMULATION;
        }

        @Override
        public EvaluationStatus on(SelfEvaluationSubmitted e) {
            return inReview(e.followUp());
        }

        @Override
        public EvaluationStatus on(SelfEvaluationApproved e) {
            return afterApproval(e.followUp());
        }

        @Override
        public EvaluationStatus on(SelfEvaluationRejected e) {
            return writing(e.followUp());
        }

        @Override
        public EvaluationStatus on(SelfEvaluationModified e) {
            return afterApproval(e.followUp());
        }

        /** Only the first follow-up is accepted by the servant (step 10 → 12). */
        @Override
        public EvaluationStatus on(SelfEvaluationAccepted e) {
            return SELF_EVALUATION_II;
        }

        @Override
        public EvaluationStatus on(SelfEvaluationNotAccepted e) {
            return SELF_EVALUATION_I;
        }

        @Override
        public EvaluationStatus on(CompetenciesRated e) {
            return FINAL_RESULT_AWAITING_ACCEPTANCE;
        }

        @Override
        public EvaluationStatus on(FinalResultAccepted e) {
            return COMPLETED;
        }

        @Override
        public EvaluationStatus on(FinalResultNotAccepted e) {
            return SELF_EVALUATION_II;
        }

        @Override
        public EvaluationStatus on(EvaluationConsolidated e) {
            return CONSOLIDATED;
        }

        @Override
        public EvaluationStatus on(ImprovementPlanRequired e) {
            return null;
        }

        @Override
        public EvaluationStatus on(EvaluationStepDeadlineNeared e) {
            return null;
        }

        @Override
        public EvaluationStatus on(EvaluationStepOverdue e) {
            return null;
        }
    }
}
