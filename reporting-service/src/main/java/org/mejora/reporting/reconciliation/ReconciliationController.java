package org.mejora.reporting.reconciliation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reporting's current state of every plan, finding, action, follow-up report, cycle and evaluation compared with what
 * the producers themselves hold: every difference, listed.
 */
@RestController
@RequestMapping("/api/reports/reconciliation")
@Tag(name = "Reconciliation", description = "Conciliación con los servicios de origen / reconciliation with the "
        + "source of truth")
@Timed("mejora.reporting.http")
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final ReportedFacts reported;

    ReconciliationController(Reconciliation reconciliation, ReportedFacts reported) {
        this.reconciliation = reconciliation;
        this.reported = reported;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Diferencias con los productores / differences with the producers",
            description = "An AUDITOR reconciles their institution; a PLATFORM_ADMIN one institution, or every "
                    + "institution reporting holds when institutionId is absent. Each difference names the entity, "
                    + "the field, and both values; an entity only one side holds is listed as such; and how many "
                    + "entities each side holds.")
    ResponseEntity<String> reconcile(@RequestParam(required = false) String institutionId, HttpServletRequest request,
                         @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        List<String> institutions = institutions(user, institutionId);
        Map<String, String> credentials = credentials(request);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode checked = answer.putArray("institutions");
        ArrayNode differences = answer.putArray("differences");
        int producerEntities = 0;
        int reportingEntities = 0;
        for (String institution : institutions) {
            checked.add(institution);
            Reconciliation.Outcome outcome = reconciliation.reconcile(institution, credentials);
            producerEntities += outcome.producerEntities();
            reportingEntities += outcome.reportingEntities();
            outcome.differences().forEach(differences::add);
        }
        answer.put("producerEntities", producerEntities);
        answer.put("reportingEntities", reportingEntities);
        answer.put("differenceCount", differences.size());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.toString());
    }

    private List<String> institutions(VerifiedUser user, String institutionId) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return institutionId == null ? reported.institutions() : List.of(institutionId);
        }
        if (user.has(Role.AUDITOR) && (institutionId == null || institutionId.equals(user.institutionId()))) {
            return List.of(user.institutionId());
        }
        throw new ReportProblem(HttpStatus.FORBIDDEN, "reconciliation-forbidden");
    }

    /** The headers that prove who the caller is, relayed to the producers as they came. */
    private static Map<String, String> credentials(HttpServletRequest request) {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (name.equalsIgnoreCase("Authorization") || name.toLowerCase(Locale.ROOT).startsWith("x-mejora-")
                    || name.equalsIgnoreCase("X-Correlation-Id")) {
                credentials.put(name, request.getHeader(name));
            }
        }
        return credentials;
    }
}
