package org.mejora.evaluation.api.state;

import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.Score;

/**
 * A servant's evaluation as an auditor sees it, after its events so far: the result of {@link EvaluationFold}.
 *
 * @param result                  the result the servant is asked to accept, accepted, or consolidated; null before
 *                                the competencies are rated and again after the servant did not accept it
 * @param improvementPlanRequired HR consolidated a result under the cycle's threshold
 */
public record EvaluationState(
        String evaluationId,
        String cycleId,
        String institutionId,
        String servantId,
        String supervisorId,
        EvaluationStatus status,
        Score result,
        boolean improvementPlanRequired) {

    EvaluationState with(EvaluationStatus newStatus, Score newResult, boolean required) {
        return new EvaluationState(evaluationId, cycleId, institutionId, servantId, supervisorId, newStatus,
                newResult, required);
    }
}
