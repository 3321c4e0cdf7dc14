package org.mejora.plan.plan.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.plan.command.DraftFollowUpReportCommand;
import org.mejora.plan.plan.command.SubmitFollowUpReportCommand;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.contract.NotFound;
import org.mejora.plan.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Follow-up reports (informes de seguimiento, seed 000): drafted per plan and period, then signed and submitted. */
@RestController
@RequestMapping("/api/plans/{planId}/reports")
@Tag(name = "Follow-up reports", description = "Informes de seguimiento")
@Timed("mejora.plan.http")
class ReportController {

    private static final String USER = PlanController.USER;

    private final PlanCommands plans;
    private final PlanAccess access;

    ReportController(PlanCommands plans, PlanAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Redactar un informe de seguimiento / draft a follow-up report")
    ResponseEntity<Map<String, String>> draft(@PathVariable String planId, @Valid @RequestBody ReportRequest request,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch,
                                              @RequestAttribute(USER) VerifiedUser user) {
        String reportId = UUID.randomUUID().toString();
        ResponseEntity<Void> sent = send(planId, reportId, request, ifMatch, user);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/plans/" + planId + "/reports/" + reportId))
                .eTag(sent.getHeaders().getETag()).body(Map.of("reportId", reportId));
    }

    @PutMapping("/{reportId}")
    @Operation(summary = "Cambiar el borrador / change the draft")
    ResponseEntity<Void> redraft(@PathVariable String planId, @PathVariable String reportId,
                                 @Valid @RequestBody ReportRequest request,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestAttribute(USER) VerifiedUser user) {
        return send(planId, reportId, request, ifMatch, user);
    }

    @PostMapping("/{reportId}/submission")
    @Operation(summary = "Firmar y enviar el informe / sign and submit the report")
    ResponseEntity<Void> submit(@PathVariable String planId, @PathVariable String reportId,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestAttribute(USER) VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new SubmitFollowUpReportCommand(planId, version, reportId,
                        access.signature(user, role)));
    }

    @GetMapping("/{reportId}")
    @Operation(summary = "El informe con la tabla de acciones / the report with its actions table")
    ResponseEntity<PlanView.ReportView> get(@PathVariable String planId, @PathVariable String reportId,
                                            @RequestAttribute(USER) VerifiedUser user) {
        PlanView plan = access.plan(planId, user, PlanAccess.Duty.READ);
        PlanView.ReportView report = plan.reports.stream().filter(r -> r.reportId.equals(reportId)).findFirst()
                .orElseThrow(() -> new NotFound("report " + reportId));
        return ResponseEntity.ok().eTag(Versions.etag(plan.version)).body(report);
    }

    private ResponseEntity<Void> send(String planId, String reportId, ReportRequest request, String ifMatch,
                                      VerifiedUser user) {
        return plans.send(planId, user, PlanAccess.Duty.OWN, ifMatch, (version, role) ->
                new DraftFollowUpReportCommand(planId, version, reportId, request.period(), request.antecedents(),
                        request.legalBase(), request.objective(), request.conclusions(), request.recommendations(),
                        request.preparedBy() != null ? request.preparedBy() : user.name()));
    }

    /** The sections of seed 000; preparedBy ("Elaborado por") defaults to the user. */
    record ReportRequest(@NotBlank @Size(max = 50) String period, @Size(max = 20000) String antecedents,
                         @Size(max = 20000) String legalBase, @Size(max = 8000) String objective,
                         @Size(max = 20000) String conclusions, @Size(max = 20000) String recommendations,
                         @Size(max = 300) String preparedBy) {
    }
}
