package org.mejora.evaluation.integrity;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.envelope.axon.HistoryAudit;
import org.mejora.envelope.web.AuditedHistoryEndpoints;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An evaluation's tamper-evident history for auditors (AUDITOR of its institution, or PLATFORM_ADMIN). */
@RestController
@RequestMapping("/api/evaluations/{evaluationId}/history")
@Tag(name = "Evaluation history",
        description = "Historia verificable de una evaluación / an evaluation's verifiable history")
@Timed("mejora.evaluation.http")
class EvaluationHistoryController extends AuditedHistoryEndpoints {

    EvaluationHistoryController(HistoryAudit audit) {
        super(audit, "Evaluation", "evaluation");
    }
}
