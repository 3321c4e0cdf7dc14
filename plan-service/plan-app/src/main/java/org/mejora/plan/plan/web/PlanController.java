package org.mejora.plan.plan.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.plan.command.CreatePlanCommand;
import org.mejora.plan.web.CommandSender;
import org.mejora.plan.web.Forbidden;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "Planes de mejoramiento / improvement plans")
@Timed("mejora.plan.http")
class PlanController {

    private final CommandSender commands;

    PlanController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Crear un plan en borrador / create a draft plan")
    ResponseEntity<PlanCreatedResponse> create(@Valid @RequestBody CreatePlanRequest request,
                                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                               VerifiedUser user) {
        if (!user.hasAny(Role.PLAN_OWNER, Role.ADMIN)) {
            throw new Forbidden("PLAN_OWNER or ADMIN required to create a plan");
        }
        String planId = UUID.randomUUID().toString();
        commands.send(new CreatePlanCommand(planId, user.institutionId(), request.kind(), request.title(),
                request.institutionName(), request.auditedProcess(), request.procedures(), request.responsible(),
                request.subscriptionDate(), request.formatCode(), request.formatVersion(), request.period()),
                user, user.has(Role.PLAN_OWNER) ? Role.PLAN_OWNER : Role.ADMIN);
        return ResponseEntity.created(URI.create("/api/plans/" + planId))
                .body(new PlanCreatedResponse(planId, "DRAFT"));
    }

    record CreatePlanRequest(
            @NotNull PlanKind kind,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 300) String institutionName,
            @Size(max = 300) String auditedProcess,
            @Size(max = 1000) String procedures,
            @Size(max = 300) String responsible,
            LocalDate subscriptionDate,
            @Size(max = 50) String formatCode,
            @Size(max = 20) String formatVersion,
            @Size(max = 50) String period) {
    }

    record PlanCreatedResponse(String planId, String status) {
    }
}
