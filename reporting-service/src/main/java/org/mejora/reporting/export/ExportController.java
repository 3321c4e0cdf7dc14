package org.mejora.reporting.export;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.evaluation.api.ServantResults;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.api.state.InstitutionTime;
import org.mejora.reporting.state.Snapshots;
import org.mejora.reporting.web.Access;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The reports users already file, as downloads in the seeds' layouts: Spanish by default, English with
 * {@code Accept-Language: en}.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Downloads", description = "Reportes descargables / downloadable reports")
@Timed("mejora.reporting.http")
class ExportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final Set<String> STAGES = Set.of("FORMULATION", "SELF_EVALUATION_I", "SELF_EVALUATION_II", "YEAR");

    private final Snapshots snapshots;
    private final MessageSource messages;
    private final Clock clock;

    ExportController(Snapshots snapshots, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.snapshots = snapshots;
        this.messages = messages;
    }

    @GetMapping("/plans/{planId}/exports/gem-fm014.xlsx")
    @Operation(summary = "Plan de mejoramiento, formato GEM-FM014 (semilla 001) / improvement plan, seed 001 layout")
    ResponseEntity<byte[]> gemFm014(@PathVariable String planId,
                                    @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return download(PlanWorkbooks.gemFm014(plan(planId, user), labels()), XLSX, "plan-" + planId + ".xlsx");
    }

    @GetMapping("/plans/{planId}/exports/caf.xlsx")
    @Operation(summary = "Plan de mejora institucional CAF y su seguimiento (semilla 003) / CAF plan and follow-up sheet")
    ResponseEntity<byte[]> caf(@PathVariable String planId,
                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return download(PlanWorkbooks.caf(plan(planId, user), labels()), XLSX, "plan-caf-" + planId + ".xlsx");
    }

    @GetMapping("/plans/{planId}/exports/follow-up-report.{format}")
    @Operation(summary = "Informe de seguimiento (semilla 000), pdf o docx / follow-up report, seed 000",
            description = "reportId: one of the plan's follow-up reports; by default the latest submitted, else the "
                    + "latest draft; without any, the plan's actions as they stand now")
    ResponseEntity<byte[]> followUpReport(@PathVariable String planId, @PathVariable String format,
                                          @RequestParam(required = false) String reportId,
                                          @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        if (!format.equals("pdf") && !format.equals("docx")) {
            throw ReportProblem.badRequest("format", format);
        }
        PlanContents plan = plan(planId, user);
        Snapshots.EntityRow report = plan.reports().stream()
                .filter(r -> reportId == null || r.id().equals(reportId))
                .max(Comparator.comparing((Snapshots.EntityRow r) -> "SUBMITTED".equals(r.text("status")))
                        .thenComparing(r -> String.valueOf(r.text("period"))))
                .orElse(null);
        if (reportId != null && report == null) {
            throw ReportProblem.notFound("follow-up report", reportId);
        }
        Labels labels = labels();
        FollowUpReport contents = FollowUpReport.of(plan, report, labels);
        return format.equals("pdf")
                ? download(FollowUpDocuments.pdf(contents, labels), MediaType.APPLICATION_PDF,
                "informe-seguimiento-" + planId + ".pdf")
                : download(FollowUpDocuments.docx(contents, labels), DOCX, "informe-seguimiento-" + planId + ".docx");
    }

    @GetMapping("/cycles/{cycleId}/exports/consolidation.xlsx")
    @Operation(summary = "Reporte Excel del sistema: consolidación de etapa o anual (semilla 004) / stage or year "
            + "consolidation", description = "stage: FORMULATION, SELF_EVALUATION_I, SELF_EVALUATION_II or YEAR")
    ResponseEntity<byte[]> consolidation(@PathVariable String cycleId, @RequestParam(defaultValue = "YEAR") String stage,
                                         @RequestParam(required = false) LocalDate today,
                                         @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        if (!STAGES.contains(stage)) {
            throw ReportProblem.badRequest("stage", stage);
        }
        Snapshots.EntityRow cycle = snapshots.one("EvaluationCycle", cycleId)
                .orElseThrow(() -> ReportProblem.notFound("cycle", cycleId));
        if (!user.canRead(cycle.institutionId())) {
            throw ReportProblem.notFound("cycle", cycleId);
        }
        ServantResults.Reader reader = Access.servantResults(user, cycle.institutionId());
        // Rows name only the servants whose results the reader sees; the summary counts those they may count.
        List<Snapshots.EntityRow> counted = snapshots.ofInstitution(cycle.institutionId(), "Evaluation").stream()
                .filter(e -> cycleId.equals(e.text("cycleId")) && e.text("status") != null)
                .filter(e -> CycleWorkbook.reached(e, stage))
                .filter(e -> Access.servantResult(reader, cycle.institutionId(), e.state()).counted())
                .sorted(Comparator.comparing(e -> String.valueOf(e.text("servantName"))))
                .toList();
        List<Snapshots.EntityRow> named = counted.stream().filter(e -> Access.servantResult(reader,
                cycle.institutionId(), e.state()) == ServantResults.Visibility.RESULTS).toList();
        return download(CycleWorkbook.consolidation(cycle.state(), named, counted, stage,
                        today == null ? InstitutionTime.today(clock) : today, labels()), XLSX,
                "consolidacion-" + stage.toLowerCase() + "-" + cycleId + ".xlsx");
    }

    private PlanContents plan(String planId, VerifiedUser user) {
        List<Snapshots.EntityRow> rows = snapshots.current("Plan", planId);
        PlanContents plan = PlanContents.of(rows).orElseThrow(() -> ReportProblem.notFound("plan", planId));
        Access.report(user, plan.plan().institutionId(), "plan", planId);
        return plan;
    }

    private Labels labels() {
        return new Labels(messages, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
