package org.mejora.plan.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.api.state.EntityFacts;
import org.mejora.plan.plan.query.PlanQueries;
import org.mejora.contract.Forbidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.mejora.identity.IdentityVerificationFilter.USER_ATTRIBUTE;

/** What this service holds of an institution's plans, findings, actions and reports, for reconciliation. */
@RestController
class FactsController {

    private final PlanQueries queries;

    FactsController(PlanQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/plans/facts")
    @Operation(summary = "Estado de planes, hallazgos, acciones e informes para conciliar / the state to reconcile; "
            + "an AUDITOR of the institution, or a PLATFORM_ADMIN for any institution")
    List<EntityFacts> facts(@RequestParam(required = false) String institutionId,
                            @RequestAttribute(USER_ATTRIBUTE) VerifiedUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return queries.facts(institutionId == null ? user.institutionId() : institutionId);
        }
        if (user.has(Role.AUDITOR) && (institutionId == null || institutionId.equals(user.institutionId()))) {
            return queries.facts(user.institutionId());
        }
        throw new Forbidden("an AUDITOR of the institution or a PLATFORM_ADMIN reconciles");
    }
}
