package org.mejora.plan.plan.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.plan.command.AssignActionResponsiblesCommand;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is responsible for an action, by user id: set by whoever may edit the plan's actions. */
@RestController
@Tag(name = "Findings and actions", description = "Hallazgos, acciones de mejora y seguimientos")
@Timed("mejora.plan.http")
class ResponsiblesController {

    private final PlanCommands plans;

    ResponsiblesController(PlanCommands plans) {
        this.plans = plans;
    }

    @PutMapping("/api/plans/{planId}/actions/{actionId}/responsibles")
    @Operation(summary = "Asignar los responsables de una acción (ids de usuario) / set an action's responsibles "
            + "(user ids)")
    ResponseEntity<Void> assign(@PathVariable String planId, @PathVariable String actionId,
                                @Valid @RequestBody ResponsiblesRequest request,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(PlanController.USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch,
                (version, role) -> new AssignActionResponsiblesCommand(planId, version, actionId, request.userIds()));
    }

    record ResponsiblesRequest(@NotNull @Size(max = 20) List<@NotNull @Size(max = 100) String> userIds) {
    }
}
