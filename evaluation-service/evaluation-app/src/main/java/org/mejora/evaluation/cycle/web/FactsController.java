package org.mejora.evaluation.cycle.web;

import io.swagger.v3.oas.annotations.Operation;
import org.mejora.evaluation.api.state.EntityFacts;
import org.mejora.evaluation.cycle.query.CycleFacts;
import org.mejora.contract.Forbidden;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What this service holds of an institution's cycles and evaluations, for reconciliation with reporting. */
@RestController
class FactsController {

    private final CycleFacts facts;

    FactsController(CycleFacts facts) {
        this.facts = facts;
    }

    @GetMapping("/api/cycles/facts")
    @Operation(summary = "Estado de ciclos y evaluaciones para conciliar / the cycles' and evaluations' state to "
            + "reconcile; an AUDITOR of the institution, or a PLATFORM_ADMIN for any institution")
    List<EntityFacts> facts(@RequestParam(required = false) String institutionId,
                            @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return facts.of(institutionId == null ? user.institutionId() : institutionId);
        }
        if (user.has(Role.AUDITOR) && (institutionId == null || institutionId.equals(user.institutionId()))) {
            return facts.of(user.institutionId());
        }
        throw new Forbidden("an AUDITOR of the institution or a PLATFORM_ADMIN reconciles");
    }
}
