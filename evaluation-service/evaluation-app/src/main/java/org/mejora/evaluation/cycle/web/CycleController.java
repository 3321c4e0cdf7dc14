package org.mejora.evaluation.cycle.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageDeadline;
import org.mejora.evaluation.cycle.command.Assignment;
import org.mejora.evaluation.cycle.command.AssignServantsCommand;
import org.mejora.evaluation.cycle.command.CloseStageCommand;
import org.mejora.evaluation.cycle.command.ConsolidateYearCommand;
import org.mejora.evaluation.cycle.command.OpenCycleCommand;
import org.mejora.evaluation.cycle.query.CycleQueries;
import org.mejora.evaluation.cycle.query.CycleView;
import org.mejora.evaluation.cycle.query.StageReport;
import org.mejora.evaluation.cycle.query.YearReport;
import org.mejora.evaluation.evaluation.command.ConsolidateEvaluationCommand;
import org.mejora.evaluation.evaluation.command.OpenEvaluationCommand;
import org.mejora.envelope.axon.CommandSender;
import org.mejora.contract.Forbidden;
import org.mejora.contract.NotFound;
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.evaluation.api.ServantResults;
import org.mejora.evaluation.web.ResultReaders;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** HR's side of P-TH-10: the cycle, its assignments, each stage's consolidation and the year's. */
@RestController
@RequestMapping("/api/cycles")
@Tag(name = "Evaluation cycles", description = "Ciclos de evaluación de la gestión / yearly evaluation cycles")
@Timed("mejora.evaluation.http")
class CycleController {

    private final CommandSender commands;
    private final CycleQueries cycles;

    CycleController(CommandSender commands, CycleQueries cycles) {
        this.commands = commands;
        this.cycles = cycles;
    }

    @PostMapping
    @Operation(summary = "Abrir un ciclo de evaluación / open an evaluation cycle")
    ResponseEntity<CycleView> open(@Valid @RequestBody OpenCycleRequest request,
                                   @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireHr(user);
        String cycleId = UUID.randomUUID().toString();
        commands.send(new OpenCycleCommand(cycleId, user.institutionId(), request.year(), request.name(),
                request.stages(), request.scale(), request.goalsWeight(), request.competenciesWeight(),
                request.thresholdLevel(), request.competencies()), user, Role.HR);
        return ResponseEntity.created(URI.create("/api/cycles/" + cycleId)).body(cycle(cycleId, user));
    }

    @GetMapping
    @Operation(summary = "Ciclos de la institución / the institution's cycles, paged (page from 0, size 1-200)")
    Page<CycleView> all(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                        @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        PageRequest asked = PageRequest.of(page, size);
        requireReader(user);
        return Page.of(cycles.all(user.institutionId()), asked);
    }

    @GetMapping("/{cycleId}")
    @Operation(summary = "Un ciclo con sus etapas / a cycle with its stages")
    CycleView get(@PathVariable String cycleId,
                  @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        // The cycle's terms, scale and stage deadlines hold nobody's results: servants and supervisors need them to
        // know when a step is due.
        if (!user.hasAny(Role.HR, Role.AUDITOR, Role.SERVANT, Role.SUPERVISOR)) {
            throw new Forbidden("HR, AUDITOR, SERVANT or SUPERVISOR required");
        }
        return cycle(cycleId, user);
    }

    @PostMapping(path = "/{cycleId}/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Asignar servidores a su jefe inmediato / assign servants to supervisors")
    AssignmentsResponse assign(@PathVariable String cycleId, @Valid @RequestBody AssignmentsRequest request,
                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return assign(cycleId, request.assignments(), user);
    }

    @PostMapping(path = "/{cycleId}/assignments", consumes = "text/csv")
    @Operation(summary = "Asignar en bloque desde CSV servantId,servantName,supervisorId,supervisorName / bulk CSV")
    AssignmentsResponse assignCsv(@PathVariable String cycleId, @RequestBody String csv,
                                  @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireHr(user);
        return assign(cycleId, CsvAssignments.parse(csv), user);
    }

    /**
     * The cycle records the assignments, then each evaluation opens; opening an evaluation twice is harmless, so
     * repeating the request completes one that failed half way.
     */
    private AssignmentsResponse assign(String cycleId, List<Assignment> assignments, VerifiedUser user) {
        requireHr(user);
        List<OpenEvaluationCommand> evaluations =
                commands.send(new AssignServantsCommand(cycleId, assignments), user, Role.HR);
        for (OpenEvaluationCommand evaluation : evaluations) {
            commands.send(evaluation, user, Role.HR);
        }
        return new AssignmentsResponse(evaluations.size(), evaluations.stream()
                .map(e -> new AssignedEvaluation(e.evaluationId(), e.servantId(), e.supervisorId())).toList());
    }

    @PostMapping("/{cycleId}/stages/{stage}/close")
    @Operation(summary = "Cerrar una etapa / close a stage")
    CycleView closeStage(@PathVariable String cycleId, @PathVariable Stage stage,
                         @RequestBody(required = false) CloseStageRequest request,
                         @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireHr(user);
        commands.send(new CloseStageCommand(cycleId, stage, request == null ? null : request.reason()), user,
                Role.HR);
        return cycle(cycleId, user);
    }

    @GetMapping("/{cycleId}/consolidation")
    @Operation(summary = "Consolidado de una etapa: quién está dónde y quién va tarde / stage report")
    StageReport stageReport(@PathVariable String cycleId, @RequestParam Stage stage,
                            @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireReader(user);
        return cycles.stageReport(cycle(cycleId, user), stage);
    }

    @PostMapping("/{cycleId}/consolidate")
    @Operation(summary = "Consolidar el periodo anual / consolidate the year")
    YearReport consolidate(@PathVariable String cycleId,
                           @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireHr(user);
        commands.send(new ConsolidateYearCommand(cycleId), user, Role.HR);
        for (String evaluationId : cycles.completedEvaluations(cycleId)) {
            commands.send(new ConsolidateEvaluationCommand(evaluationId), user, Role.HR);
        }
        return cycles.yearReport(cycle(cycleId, user), ResultReaders.of(user));
    }

    @GetMapping("/{cycleId}/results")
    @Operation(summary = "Resultados del periodo anual / the year's results")
    YearReport results(@PathVariable String cycleId,
                       @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireResultsReader(user);
        return cycles.yearReport(cycle(cycleId, user), ResultReaders.of(user));
    }

    @GetMapping("/{cycleId}/improvement-plans-required")
    @Operation(summary = "Servidores que requieren plan de mejoramiento individual / servants who need a plan")
    Page<YearReport.Row> improvementPlansRequired(@PathVariable String cycleId,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size,
                                                  @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                                  VerifiedUser user) {
        PageRequest asked = PageRequest.of(page, size);
        requireResultsReader(user);
        return Page.of(cycles.improvementPlansRequired(cycle(cycleId, user), ResultReaders.of(user)), asked);
    }

    private CycleView cycle(String cycleId, VerifiedUser user) {
        return cycles.find(cycleId, user.institutionId()).orElseThrow(() -> new NotFound("cycle " + cycleId));
    }

    private static void requireHr(VerifiedUser user) {
        if (!user.has(Role.HR)) {
            throw new Forbidden("HR required");
        }
    }

    /**
     * Results follow {@link ServantResults}: a supervisor sees their reports' rows, HR and AUDITOR everyone's;
     * whoever may see nothing of the institution's results is refused.
     */
    private static void requireResultsReader(VerifiedUser user) {
        if (!ServantResults.readsAny(ResultReaders.of(user), user.institutionId())) {
            throw new Forbidden("only the servant, their supervisor, HR or an auditor read a servant's results");
        }
    }

    /** HR manages cycles; auditors read everything of their institution. */
    private static void requireReader(VerifiedUser user) {
        if (!user.hasAny(Role.HR, Role.AUDITOR)) {
            throw new Forbidden("HR or AUDITOR required");
        }
    }

    record OpenCycleRequest(
            int year,
            @Size(max = 300) String name,
            @NotNull List<StageDeadline> stages,
            @NotNull List<RatingLevel> scale,
            @NotNull BigDecimal goalsWeight,
            @NotNull BigDecimal competenciesWeight,
            @NotNull String thresholdLevel,
            List<String> competencies) {
    }

    record AssignmentsRequest(@NotNull List<Assignment> assignments) {
    }

    record CloseStageRequest(@Size(max = 2000) String reason) {
    }

    record AssignedEvaluation(String evaluationId, String servantId, String supervisorId) {
    }

    record AssignmentsResponse(int assigned, List<AssignedEvaluation> evaluations) {
    }
}
