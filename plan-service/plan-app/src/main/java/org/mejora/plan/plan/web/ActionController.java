package org.mejora.plan.plan.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.plan.query.PlanQueries;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.contract.NotFound;
import org.mejora.plan.evidence.EvidenceStore;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionTask;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.plan.command.AddActionCommand;
import org.mejora.plan.plan.command.AddFindingCommand;
import org.mejora.plan.plan.command.CancelActionCommand;
import org.mejora.plan.plan.command.CloseActionCommand;
import org.mejora.plan.plan.command.EditActionCommand;
import org.mejora.plan.plan.command.EditFindingCommand;
import org.mejora.plan.plan.command.MarkActionImplementedCommand;
import org.mejora.plan.plan.command.MarkActionNotImplementedCommand;
import org.mejora.plan.plan.command.RecordActionProgressCommand;
import org.mejora.plan.plan.command.RemoveActionCommand;
import org.mejora.plan.plan.command.RemoveFindingCommand;
import org.mejora.plan.plan.command.ReopenActionCommand;
import org.mejora.plan.plan.command.VerifyActionCommand;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Findings (hallazgos), their actions (acciones de mejora) and the actions' follow-ups (seguimientos). */
@RestController
@RequestMapping("/api/plans/{planId}")
@Tag(name = "Findings and actions", description = "Hallazgos, acciones de mejora y seguimientos")
@Timed("mejora.plan.http")
class ActionController {

    private static final String USER = PlanController.USER;
    private static final String IF_MATCH = HttpHeaders.IF_MATCH;

    private final PlanCommands plans;
    private final PlanAccess access;
    private final EvidenceStore evidence;
    private final PlanQueries queries;

    ActionController(PlanCommands plans, PlanAccess access, EvidenceStore evidence, PlanQueries queries) {
        this.plans = plans;
        this.access = access;
        this.evidence = evidence;
        this.queries = queries;
    }

    /** The plan itself shows each action's current state and its count of follow-ups; their history is paged here. */
    @GetMapping("/actions/{actionId}/follow-ups")
    @Operation(summary = "Seguimientos de una acción, del más antiguo al más reciente / an action's follow-ups, "
            + "oldest first, paged (page from 0, size 1-200, 50 by default)")
    Page<PlanView.FollowUpView> followUps(@PathVariable String planId, @PathVariable String actionId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size,
                                          @RequestAttribute(USER) VerifiedUser user) {
        access.header(planId, user, PlanAccess.Duty.READ);
        return queries.followUps(planId, actionId, PageRequest.of(page, size))
                .orElseThrow(() -> new NotFound("action " + actionId));
    }

    @PostMapping("/findings")
    @Operation(summary = "Agregar un hallazgo / add a finding")
    ResponseEntity<Map<String, String>> addFinding(@PathVariable String planId, @Valid @RequestBody FindingRequest request,
                                                   @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                   @RequestAttribute(USER) VerifiedUser user) {
        String findingId = UUID.randomUUID().toString();
        ResponseEntity<Void> sent = plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new AddFindingCommand(planId, version, findingId, request.number(), request.description(),
                        request.source(), request.improvementArea()));
        return created(sent, "/api/plans/" + planId + "/findings/" + findingId, Map.of("findingId", findingId));
    }

    @PutMapping("/findings/{findingId}")
    @Operation(summary = "Editar un hallazgo / edit a finding")
    ResponseEntity<Void> editFinding(@PathVariable String planId, @PathVariable String findingId,
                                     @Valid @RequestBody FindingRequest request,
                                     @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                     @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) -> new EditFindingCommand(planId,
                version, findingId, request.number(), request.description(), request.source(),
                request.improvementArea()));
    }

    @DeleteMapping("/findings/{findingId}")
    @Operation(summary = "Quitar un hallazgo y sus acciones / remove a finding and its actions")
    ResponseEntity<Void> removeFinding(@PathVariable String planId, @PathVariable String findingId,
                                       @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                       @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch,
                (version, role) -> new RemoveFindingCommand(planId, version, findingId));
    }

    @PostMapping("/findings/{findingId}/actions")
    @Operation(summary = "Agregar una acción de mejora / add an action; start and end as a day, a month (jun-21) "
            + "or a quarter (T1-2023)")
    ResponseEntity<Map<String, String>> addAction(@PathVariable String planId, @PathVariable String findingId,
                                                  @Valid @RequestBody ActionRequest request,
                                                  @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                  @RequestAttribute(USER) VerifiedUser user) {
        String actionId = UUID.randomUUID().toString();
        ResponseEntity<Void> sent = plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new AddActionCommand(planId, version, findingId, actionId, request.details()));
        return created(sent, "/api/plans/" + planId + "/actions/" + actionId, Map.of("actionId", actionId));
    }

    @PutMapping("/actions/{actionId}")
    @Operation(summary = "Editar una acción / edit an action")
    ResponseEntity<Void> editAction(@PathVariable String planId, @PathVariable String actionId,
                                    @Valid @RequestBody ActionRequest request,
                                    @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                    @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch,
                (version, role) -> new EditActionCommand(planId, version, actionId, request.details()));
    }

    @DeleteMapping("/actions/{actionId}")
    @Operation(summary = "Quitar una acción / remove an action")
    ResponseEntity<Void> removeAction(@PathVariable String planId, @PathVariable String actionId,
                                      @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                      @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch,
                (version, role) -> new RemoveActionCommand(planId, version, actionId));
    }

    @PostMapping("/actions/{actionId}/progress")
    @Operation(summary = "Registrar avance 0/25/50/75/100 % con medio de verificación / record progress with evidence")
    ResponseEntity<Void> progress(@PathVariable String planId, @PathVariable String actionId,
                                  @Valid @RequestBody ProgressRequest request,
                                  @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                  @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new RecordActionProgressCommand(planId, version, actionId, request.percent(), request.evidence(),
                        request.comment(), request.reason(), dayOr(request.date()), files(planId, request.files())));
    }

    @PostMapping("/actions/{actionId}/implementation")
    @Operation(summary = "Marcar implementada / mark implemented")
    ResponseEntity<Void> implemented(@PathVariable String planId, @PathVariable String actionId,
                                     @Valid @RequestBody EvidenceRequest request,
                                     @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                     @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new MarkActionImplementedCommand(planId, version, actionId, request.evidence(), request.comment(),
                        dayOr(request.date())));
    }

    @PostMapping("/actions/{actionId}/verification")
    @Operation(summary = "Verificar cumplimiento y efectividad / verify compliance and effectiveness")
    ResponseEntity<Void> verify(@PathVariable String planId, @PathVariable String actionId,
                                @Valid @RequestBody VerificationRequest request,
                                @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.VERIFY, ifMatch, (version, role) ->
                new VerifyActionCommand(planId, version, actionId, request.compliant(), request.effective(),
                        request.observations(), access.signature(user, role),
                        files(planId, request.files())));
    }

    @PostMapping("/actions/{actionId}/closure")
    @Operation(summary = "Cerrar la acción (Cerrada-C) / close the action")
    ResponseEntity<Void> close(@PathVariable String planId, @PathVariable String actionId,
                               @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                               @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.VERIFY, ifMatch,
                (version, role) -> new CloseActionCommand(planId, version, actionId, access.today()));
    }

    @PostMapping("/actions/{actionId}/reopening")
    @Operation(summary = "Reabrir con la razón (Abierta-A) / reopen with a reason")
    ResponseEntity<Void> reopen(@PathVariable String planId, @PathVariable String actionId,
                                @Valid @RequestBody ReasonRequest request,
                                @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.VERIFY, ifMatch,
                (version, role) -> new ReopenActionCommand(planId, version, actionId, request.reason()));
    }

    @PostMapping("/actions/{actionId}/non-implementation")
    @Operation(summary = "Marcar no implementada con justificación / mark not implemented, with justification")
    ResponseEntity<Void> notImplemented(@PathVariable String planId, @PathVariable String actionId,
                                        @Valid @RequestBody JustificationRequest request,
                                        @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                        @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new MarkActionNotImplementedCommand(planId, version, actionId, request.justification()));
    }

    @PostMapping("/actions/{actionId}/cancellation")
    @Operation(summary = "Anular con justificación / cancel, with justification")
    ResponseEntity<Void> cancel(@PathVariable String planId, @PathVariable String actionId,
                                @Valid @RequestBody JustificationRequest request,
                                @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.CANCEL, ifMatch, (version, role) ->
                new CancelActionCommand(planId, version, actionId, request.justification()));
    }

    private LocalDate dayOr(LocalDate given) {
        return given != null ? given : access.today();
    }

    private static ResponseEntity<Map<String, String>> created(ResponseEntity<Void> sent, String location,
                                                               Map<String, String> body) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location))
                .eTag(sent.getHeaders().getETag()).body(body);
    }

    record FindingRequest(@NotBlank @Size(max = 20) String number, @NotBlank @Size(max = 8000) String description,
                          @Valid FindingSource source, @Size(max = 8000) String improvementArea) {
    }

    /** Every column of seeds 001 and 003; start and end as typed ({@code jun-21}, {@code T1-2023}, a day). */
    record ActionRequest(@NotBlank @Size(max = 20) String number, @NotBlank @Size(max = 4000) String name,
                         @Size(max = 8000) String description, @Size(max = 4000) String objective,
                         List<@Valid ActionTask> tasks, @Size(max = 2000) String goalIndicator,
                         @Size(max = 2000) String resources, @Size(max = 500) String responsibleUnit,
                         @Size(max = 500) String responsibleRole, @Size(max = 500) String technicalDirection,
                         @Size(max = 40) String start, @Size(max = 40) String end, Integer scheduledMonths,
                         @Size(max = 8000) String comments) {

        ActionDetails details() {
            return new ActionDetails(number, name, description, objective, tasks == null ? List.of() : tasks,
                    goalIndicator, resources, responsibleUnit, responsibleRole, technicalDirection, start, end,
                    scheduledMonths, comments);
        }
    }

    /** The evidence files uploaded to the plan ({@code POST .../evidence-files}) that a follow-up shows. */
    private List<org.mejora.plan.api.EvidenceFile> files(String planId, List<FileRequest> files) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        return evidence.of(planId, files.stream()
                .map(f -> new EvidenceStore.FileChoice(f.fileId(), f.taskNumber())).toList());
    }

    /** @param taskNumber the action's task the file supports; null for the follow-up or verification itself */
    record FileRequest(@NotBlank @Size(max = 64) String fileId, Integer taskNumber) {
    }

    /**
     * @param reason required when the progress goes below the last one recorded
     * @param files  evidence files uploaded before, shown with this follow-up
     */
    record ProgressRequest(@NotNull Integer percent, @Size(max = 2000) String evidence,
                           @Size(max = 4000) String comment, @Size(max = 4000) String reason, LocalDate date,
                           @Size(max = 20) List<@Valid FileRequest> files) {
    }

    record EvidenceRequest(@NotBlank @Size(max = 2000) String evidence, @Size(max = 4000) String comment,
                           LocalDate date) {
    }

    record VerificationRequest(@NotNull Boolean compliant, @NotNull Boolean effective,
                               @Size(max = 4000) String observations,
                               @Size(max = 20) List<@Valid FileRequest> files) {
    }

    record ReasonRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    record JustificationRequest(@NotBlank @Size(max = 4000) String justification) {
    }
}
