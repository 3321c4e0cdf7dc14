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
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.state.PlanStatus;
import org.mejora.plan.plan.command.ApprovePlanCommand;
import org.mejora.plan.plan.command.ClosePlanCommand;
import org.mejora.plan.plan.command.CreatePlanCommand;
import org.mejora.plan.plan.command.EditPlanHeaderCommand;
import org.mejora.plan.plan.command.RejectPlanReviewCommand;
import org.mejora.plan.plan.command.ReviewPlanCommand;
import org.mejora.plan.plan.command.StartPlanExecutionCommand;
import org.mejora.plan.plan.command.SubmitPlanForReviewCommand;
import org.mejora.plan.plan.query.PlanQueries;
import org.mejora.plan.plan.query.PlanSummary;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.envelope.axon.CommandSender;
import org.mejora.contract.Forbidden;
import org.mejora.plan.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Plans and their workflow. Every write answers with the plan's new version as ETag; sending it back in If-Match
 * makes the next write fail with 409 if somebody else changed the plan in between.
 */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "Planes de mejoramiento / improvement plans")
@Timed("mejora.plan.http")
class PlanController {

    static final String USER = IdentityVerificationFilter.USER_ATTRIBUTE;

    private final CommandSender commands;
    private final PlanQueries queries;
    private final PlanAccess access;
    private final PlanCommands planCommands;

    PlanController(CommandSender commands, PlanQueries queries, PlanAccess access, PlanCommands planCommands) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.planCommands = planCommands;
    }

    @PostMapping
    @Operation(summary = "Crear un plan en borrador / create a draft plan")
    ResponseEntity<PlanCreatedResponse> create(@Valid @RequestBody PlanHeaderRequest request,
                                               @RequestAttribute(USER) VerifiedUser user) {
        if (!user.hasAny(Role.PLAN_OWNER, Role.ADMIN)) {
            throw new Forbidden("PLAN_OWNER or ADMIN required to create a plan");
        }
        if (request.kind() == PlanKind.INDIVIDUAL) {
            throw new Forbidden("individual plans are opened from the evaluation result");
        }
        boolean relaxed = Boolean.TRUE.equals(request.separationOfDutiesRelaxed());
        if (relaxed && !user.has(Role.ADMIN)) {
            throw new Forbidden("only the institution's ADMIN relaxes the separation of duties");
        }
        String planId = UUID.randomUUID().toString();
        commands.send(new CreatePlanCommand(planId, user.institutionId(), request.kind(), request.title(),
                request.institutionName(), request.auditedProcess(), request.procedures(), request.responsible(),
                request.subscriptionDate(), request.formatCode(), request.formatVersion(), request.period(), null,
                relaxed), user, relaxed || !user.has(Role.PLAN_OWNER) ? Role.ADMIN : Role.PLAN_OWNER);
        return ResponseEntity.created(URI.create("/api/plans/" + planId))
                .eTag(Versions.etag(0))
                .body(new PlanCreatedResponse(planId, "DRAFT"));
    }

    @GetMapping
    @Operation(summary = "Planes de la institución / the institution's plans, filtered by status and kind, "
            + "paged (page from 0, size 1-200, 50 by default)")
    Page<PlanSummary> list(@RequestParam(required = false) PlanStatus status,
                           @RequestParam(required = false) PlanKind kind,
                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @RequestAttribute(USER) VerifiedUser user) {
        boolean seesAll = user.hasAny(Role.PLAN_OWNER, Role.PLAN_REVIEWER, Role.PLAN_APPROVER, Role.AUDITOR, Role.HR,
                Role.ADMIN);
        return queries.plans(user.institutionId(), status == null ? null : status.name(),
                kind == null ? null : kind.name(), seesAll ? null : user.userId(), PageRequest.of(page, size));
    }

    @GetMapping("/{planId}")
    @Operation(summary = "Un plan con hallazgos, acciones, tareas, seguimientos y vencimientos / "
            + "a plan with findings, actions, tasks, follow-ups and overdue flags")
    ResponseEntity<PlanView> get(@PathVariable String planId, @RequestAttribute(USER) VerifiedUser user) {
        PlanView plan = access.plan(planId, user, PlanAccess.Duty.READ);
        return ResponseEntity.ok().eTag(Versions.etag(plan.version)).body(plan);
    }

    @PutMapping("/{planId}")
    @Operation(summary = "Editar el encabezado de un plan en borrador / edit a draft plan's header")
    ResponseEntity<Void> edit(@PathVariable String planId, @Valid @RequestBody HeaderEditRequest request,
                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                              @RequestAttribute(USER) VerifiedUser user) {
        return planCommands.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new EditPlanHeaderCommand(planId, version, request.title(), request.institutionName(),
                        request.auditedProcess(), request.procedures(), request.responsible(),
                        request.subscriptionDate(), request.formatCode(), request.formatVersion(), request.period()));
    }

    @PostMapping("/{planId}/submission")
    @Operation(summary = "Firmar como Responsable Plan y enviar a revisión / sign as responsible and submit for review")
    ResponseEntity<Void> submit(@PathVariable String planId, @RequestBody(required = false) SignRequest request,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(USER) VerifiedUser user) {
        return planCommands.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new SubmitPlanForReviewCommand(planId, version,
                        access.signature(user, role)));
    }

    @PostMapping("/{planId}/review")
    @Operation(summary = "Firmar la revisión (Revisa) / sign the review")
    ResponseEntity<Void> review(@PathVariable String planId, @RequestBody(required = false) SignRequest request,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(USER) VerifiedUser user) {
        return planCommands.send(planId, user, PlanAccess.Duty.REVIEW, ifMatch, (version, role) ->
                new ReviewPlanCommand(planId, version, access.signature(user, role),
                        request == null ? null : request.observations()));
    }

    @PostMapping("/{planId}/rejection")
    @Operation(summary = "Devolver a borrador con la razón / reject the review with a reason")
    ResponseEntity<Void> reject(@PathVariable String planId, @Valid @RequestBody ReasonRequest request,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(USER) VerifiedUser user) {
        return planCommands.send(planId, user, PlanAccess.Duty.REVIEW, ifMatch, (version, role) ->
                new RejectPlanReviewCommand(planId, version, access.signature(user, role),
                        request.reason()));
    }

    @PostMapping("/{planId}/approval")
    @Operation(summary = "Firmar la aprobación (Aprueba) / approve")
    ResponseEntity<Void> approve(@PathVariable String planId, @RequestBody(required = false) SignRequest request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestAttribute(USER) VerifiedUser user) {
        return planCommands.send(planId, user, PlanAccess.Duty.APPROVE, ifMatch, (version, role) ->
                new ApprovePlanCommand(planId, version, access.signature(user, role)));
    }

    @PostMapping("/{planId}/execution")
    @Operation(summary = "Poner en ejecución un plan aprobado / start executing an approved plan")
    ResponseEntity<Void> execute(@PathVariable String planId, @RequestBody(required = false) SignRequest request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestAttribute(USER) VerifiedUser user) {
        return planCommands.send(planId, user, PlanAccess.Duty.APPROVE, ifMatch, (version, role) ->
                new StartPlanExecutionCommand(planId, version,
                        access.signature(user, role)));
    }

    @PostMapping("/{planId}/closure")
    @Operation(summary = "Cerrar el plan cuando todas sus acciones terminaron / close the plan once every action ended")
    ResponseEntity<Void> close(@PathVariable String planId, @RequestBody(required = false) SignRequest request,
                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                               @RequestAttribute(USER) VerifiedUser user) {
        return planCommands.send(planId, user, PlanAccess.Duty.APPROVE, ifMatch, (version, role) ->
                new ClosePlanCommand(planId, version, access.signature(user, role)));
    }

    record PlanHeaderRequest(
            @NotNull PlanKind kind,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 300) String institutionName,
            @Size(max = 300) String auditedProcess,
            @Size(max = 1000) String procedures,
            @Size(max = 300) String responsible,
            LocalDate subscriptionDate,
            @Size(max = 50) String formatCode,
            @Size(max = 20) String formatVersion,
            @Size(max = 50) String period,
            Boolean separationOfDutiesRelaxed) {
    }

    /** The header without the kind, which a plan keeps from its creation. */
    record HeaderEditRequest(
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

    /** The signer's name and position (cargo) come from their token; a review may add observations. */
    record SignRequest(@Size(max = 4000) String observations) {
    }

    record ReasonRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    record PlanCreatedResponse(String planId, String status) {
    }
}
