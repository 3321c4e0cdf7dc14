package org.mejora.envelope.web;

import io.swagger.v3.oas.annotations.Operation;
import org.mejora.contract.Forbidden;
import org.mejora.contract.NotFound;
import org.mejora.envelope.axon.HistoryAudit;
import org.mejora.envelope.chain.AggregateHistory;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;

import java.util.Map;

/**
 * An aggregate's tamper-evident history for auditors: is its hash chain intact, and the history with its proofs to
 * check offline ({@code infra/verify-history.sh --file}). AUDITOR of the aggregate's institution, or PLATFORM_ADMIN.
 * Each producer maps it under its resource: {@code @RequestMapping("/api/plans/{planId}/history")}.
 */
public abstract class AuditedHistoryEndpoints {

    private final HistoryAudit audit;
    private final String aggregateType;
    private final String noun;

    /**
     * @param aggregateType the aggregate's type in the event store ({@code Plan})
     * @param noun          what a file and a refusal call it ({@code plan})
     */
    protected AuditedHistoryEndpoints(HistoryAudit audit, String aggregateType, String noun) {
        this.audit = audit;
        this.aggregateType = aggregateType;
        this.noun = noun;
    }

    @GetMapping("/verification")
    @Operation(summary = "Verificar la cadena de hashes / verify the hash chain")
    public AggregateHistory.Verification verification(
            @PathVariable Map<String, String> path,
            @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        String id = id(path);
        allow(id, user);
        return audit.verify(id);
    }

    @GetMapping("/proof")
    @Operation(summary = "Descargar la historia con sus pruebas / download the history with its proofs")
    public ResponseEntity<byte[]> proof(
            @PathVariable Map<String, String> path,
            @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        String id = id(path);
        allow(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(noun + "-" + id + "-history.json").build().toString())
                .body(audit.proofFile(id));
    }

    /** The aggregate's id: the one variable of the producer's mapping ({planId}, {evaluationId}). */
    private static String id(Map<String, String> path) {
        return path.values().iterator().next();
    }

    private void allow(String id, VerifiedUser user) {
        switch (audit.access(id, aggregateType, user)) {
            case ALLOWED -> {
            }
            case UNKNOWN -> throw new NotFound(noun + " " + id);
            case FORBIDDEN -> throw new Forbidden("AUDITOR or PLATFORM_ADMIN required to audit the history of "
                    + noun + " " + id);
        }
    }
}
