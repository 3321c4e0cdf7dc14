package org.mejora.evaluation.api.state;

import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.Score;
import org.mejora.evaluation.api.StageDeadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A servant's evaluation as an auditor sees it, after its events so far: the result of {@link EvaluationFold}.
 *
 * @param result                  the result the servant is asked to accept, accepted, or consolidated; null before
 *                                the competencies are rated and again after the servant did not accept it
 * @param improvementPlanRequired HR consolidated a result under the cycle's threshold
 * @param deadlineNotices         the deadline facts already raised for its steps
 */
public record EvaluationState(
        String evaluationId,
        String cycleId,
        String institutionId,
        String servantId,
        String supervisorId,
        EvaluationStatus status,
        Score result,
        boolean improvementPlanRequired,
        StepDeadlineNotices deadlineNotices) {

    public EvaluationState {
        deadlineNotices = deadlineNotices == null ? StepDeadlineNotices.NONE : deadlineNotices;
    }

    /** The deadline fact due today for the step this evaluation stands at, given its cycle's stage deadlines. */
    public Optional<StepDeadlineNotices.Notice> deadlineNoticeOn(List<StageDeadline> deadlines, LocalDate today) {
        return deadlineNotices.next(status, deadlines, today);
    }

    EvaluationState with(EvaluationStatus newStatus, Score newResult, boolean required) {
        return new EvaluationState(evaluationId, cycleId, institutionId, servantId, supervisorId, newStatus,
                newResult, required, deadlineNotices);
    }

    EvaluationState withNotices(StepDeadlineNotices changed) {
        return new EvaluationState(evaluationId, cycleId, institutionId, servantId, supervisorId, status, result,
                improvementPlanRequired, changed);
    }
}
