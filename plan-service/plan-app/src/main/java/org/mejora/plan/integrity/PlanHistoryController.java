package org.mejora.plan.integrity;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.envelope.axon.HistoryAudit;
import org.mejora.envelope.chain.AggregateHistory;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.web.Forbidden;
import org.mejora.plan.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's tamper-evident history for auditors: is its hash chain intact, and the history with its proofs to check
 * offline ({@code infra/verify-history.sh --file}). AUDITOR of the plan's institution, or PLATFORM_ADMIN.
 */
@RestController
@RequestMapping("/api/plans/{planId}/history")
@Tag(name = "Plan history", description = "Historia verificable de un plan / a plan's verifiable history")
@Timed("mejora.plan.http")
class PlanHistoryController {

    private static final String AGGREGATE_TYPE = "Plan";

    private final HistoryAudit audit;

    PlanHistoryController(HistoryAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/verification")
    @Operation(summary = "Verificar la cadena de hashes del plan / verify the plan's hash chain")
    AggregateHistory.Verification verification(@PathVariable String planId,
                                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                               VerifiedUser user) {
        allow(planId, user);
        return audit.verify(planId);
    }

    @GetMapping("/proof")
    @Operation(summary = "Descargar la historia con sus pruebas / download the history with its proofs")
    ResponseEntity<byte[]> proof(@PathVariable String planId,
                                 @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        allow(planId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("plan-" + planId + "-history.json").build().toString())
                .body(audit.proofFile(planId));
    }

    private void allow(String planId, VerifiedUser user) {
        switch (audit.access(planId, AGGREGATE_TYPE, user)) {
            case ALLOWED -> {
            }
            case UNKNOWN -> throw new NotFound("plan " + planId);
            case FORBIDDEN -> throw new Forbidden("AUDITOR or PLATFORM_ADMIN required to audit a plan's history");
        }
    }
}
