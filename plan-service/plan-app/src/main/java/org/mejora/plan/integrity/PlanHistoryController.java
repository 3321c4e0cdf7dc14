package org.mejora.plan.integrity;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.envelope.axon.HistoryAudit;
import org.mejora.envelope.web.AuditedHistoryEndpoints;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A plan's tamper-evident history for auditors (AUDITOR of its institution, or PLATFORM_ADMIN). */
@RestController
@RequestMapping("/api/plans/{planId}/history")
@Tag(name = "Plan history", description = "Historia verificable de un plan / a plan's verifiable history")
@Timed("mejora.plan.http")
class PlanHistoryController extends AuditedHistoryEndpoints {

    PlanHistoryController(HistoryAudit audit) {
        super(audit, "Plan", "plan");
    }
}
