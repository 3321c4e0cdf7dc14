package org.mejora.evaluation.integrity;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.envelope.axon.HistoryAudit;
import org.mejora.envelope.chain.AggregateHistory;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.mejora.evaluation.web.Forbidden;
import org.mejora.evaluation.web.NotFound;
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
 * An evaluation's tamper-evident history for auditors: is its hash chain intact, and the history with its proofs to check
 * offline ({@code infra/verify-history.sh --file}). AUDITOR of the evaluation's institution, or PLATFORM_ADMIN.
 */
@RestController
@RequestMapping("/api/evaluations/{evaluationId}/history")
@Tag(name = "Evaluation history", description = "Historia verificable de una evaluación / an evaluation's verifiable history")
@Timed("mejora.evaluation.http")
class EvaluationHistoryController {

    private static final String AGGREGATE_TYPE = "Evaluation";

    private final HistoryAudit audit;

    EvaluationHistoryController(HistoryAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/verification")
    @Operation(summary = "Verificar la cadena de hashes de la evaluación / verify the evaluation's hash chain")
    AggregateHistory.Verification verification(@PathVariable String evaluationId,
                                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                               VerifiedUser user) {
        allow(evaluationId, user);
        return audit.verify(evaluationId);
    }

    @GetMapping("/proof")
    @Operation(summary = "Descargar la historia con sus pruebas / download the history with its proofs")
    ResponseEntity<byte[]> proof(@PathVariable String evaluationId,
                                 @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        allow(evaluationId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evaluation-" + evaluationId + "-history.json").build().toString())
                .body(audit.proofFile(evaluationId));
    }

    private void allow(String evaluationId, VerifiedUser user) {
        switch (audit.access(evaluationId, AGGREGATE_TYPE, user)) {
            case ALLOWED -> {
            }
            case UNKNOWN -> throw new NotFound("evaluation " + evaluationId);
            case FORBIDDEN -> throw new Forbidden("AUDITOR or PLATFORM_ADMIN required to audit an evaluation's history");
        }
    }
}
