package org.mejora.evaluation.evaluation.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mejora.evaluation.api.CompetencyRating;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.Goal;
import org.mejora.evaluation.api.GoalCompliance;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.cycle.query.CycleQueries;
import org.mejora.evaluation.evaluation.command.AcceptFinalResultCommand;
import org.mejora.evaluation.evaluation.command.AcceptGoalsCommand;
import org.mejora.evaluation.evaluation.command.AcceptSelfEvaluationCommand;
import org.mejora.evaluation.evaluation.command.ApproveGoalsCommand;
import org.mejora.evaluation.evaluation.command.ApproveSelfEvaluationCommand;
import org.mejora.evaluation.evaluation.command.ModifyGoalsCommand;
import org.mejora.evaluation.evaluation.command.ModifySelfEvaluationCommand;
import org.mejora.evaluation.evaluation.command.ConsolidateNotAcceptedResultCommand;
import org.mejora.evaluation.evaluation.command.NotAcceptFinalResultCommand;
import org.mejora.evaluation.evaluation.command.NotAcceptGoalsCommand;
import org.mejora.evaluation.evaluation.command.NotAcceptSelfEvaluationCommand;
import org.mejora.evaluation.evaluation.command.RateCompetenciesCommand;
import org.mejora.evaluation.evaluation.command.RejectGoalsCommand;
import org.mejora.evaluation.evaluation.command.RejectSelfEvaluationCommand;
import org.mejora.evaluation.evaluation.command.StepCommand;
import org.mejora.evaluation.evaluation.command.SubmitGoalsCommand;
import org.mejora.evaluation.evaluation.command.SubmitSelfEvaluationCommand;
import org.mejora.evaluation.evaluation.query.EvaluationQueries;
import org.mejora.evaluation.evaluation.query.EvaluationSummary;
import org.mejora.evaluation.evaluation.query.EvaluationView;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The servant's and the supervisor's steps of P-TH-10. Which person may take a step is the evaluation's rule; here
 * only the role is required, and the stages HR closed are looked up for the evaluation to judge late steps.
 */
@RestController
@RequestMapping("/api/evaluations")
@Tag(name = "Evaluations", description = "Evaluación de la gestión de cada servidor / each servant's evaluation")
@Timed("mejora.evaluation.http")
class EvaluationController {

    private final CommandSender commands;
    private final EvaluationQueries evaluations;
    private final CycleQueries cycles;

    EvaluationController(CommandSender commands, EvaluationQueries evaluations, CycleQueries cycles) {
        this.commands = commands;
        this.evaluations = evaluations;
        this.cycles = cycles;
    }

    @GetMapping
    @Operation(summary = "Mis evaluaciones, como evaluado o como jefe (?mine=true); las de un ciclo para talento "
            + "humano (?cycleId=) / my evaluations, or a cycle's for HR; paged (page from 0, size 1-200, 50 by default)")
    Page<EvaluationSummary> list(@RequestParam(required = false) String cycleId,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        PageRequest asked = PageRequest.of(page, size);
        if (cycleId != null) {
            // A supervisor lists their reports' evaluations, HR and AUDITOR everyone's (ServantResults).
            ServantResults.Reader reader = ResultReaders.of(user);
            if (!ServantResults.readsAny(reader, user.institutionId())) {
                throw new Forbidden("only the servant, their supervisor, HR or an auditor read a servant's results");
            }
            return Page.of(evaluations.ofCycle(cycleId, user.institutionId()).stream()
                    .filter(e -> ServantResults.of(reader, new ServantResults.Servant(e.servantId(),
                            user.institutionId(), e.supervisorId())) == ServantResults.Visibility.RESULTS)
                    .toList(), asked);
        }
        return Page.of(evaluations.of(user.userId(), user.institutionId()), asked);
    }

    @GetMapping("/{evaluationId}")
    @Operation(summary = "Una evaluación con cada paso / an evaluation with every step")
    EvaluationView get(@PathVariable String evaluationId,
                       @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        EvaluationView view = find(evaluationId, user);
        ServantResults.Servant servant =
                new ServantResults.Servant(view.servantId(), user.institutionId(), view.supervisorId());
        if (ServantResults.of(ResultReaders.of(user), servant) != ServantResults.Visibility.RESULTS) {
            throw new Forbidden("only the servant, their supervisor, HR or an auditor read an evaluation");
        }
        return view;
    }

    @PostMapping("/{evaluationId}/goals/submit")
    @Operation(summary = "4. Formular y enviar metas y objetivos / formulate and send goals")
    EvaluationView submitGoals(@PathVariable String evaluationId, @Valid @RequestBody GoalsRequest request,
                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT,
                closed -> new SubmitGoalsCommand(evaluationId, request.toGoals(), closed));
    }

    @PostMapping("/{evaluationId}/goals/approve")
    @Operation(summary = "5. Aprobar las metas / approve the goals")
    EvaluationView approveGoals(@PathVariable String evaluationId,
                                @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SUPERVISOR, closed -> new ApproveGoalsCommand(evaluationId, closed));
    }

    @PostMapping("/{evaluationId}/goals/reject")
    @Operation(summary = "5. Rechazar las metas, con motivo / reject the goals with a reason")
    EvaluationView rejectGoals(@PathVariable String evaluationId, @Valid @RequestBody ReasonRequest request,
                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SUPERVISOR,
                closed -> new RejectGoalsCommand(evaluationId, request.reason(), closed));
    }

    @PostMapping("/{evaluationId}/goals/modify")
    @Operation(summary = "5. Modificar las metas / modify the goals")
    EvaluationView modifyGoals(@PathVariable String evaluationId, @Valid @RequestBody GoalsRequest request,
                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SUPERVISOR,
                closed -> new ModifyGoalsCommand(evaluationId, request.toGoals(), request.reason(), closed));
    }

    @PostMapping("/{evaluationId}/goals/accept")
    @Operation(summary = "6. Aceptar las metas aprobadas o modificadas / accept the goals")
    EvaluationView acceptGoals(@PathVariable String evaluationId,
                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT, closed -> new AcceptGoalsCommand(evaluationId, closed));
    }

    @PostMapping("/{evaluationId}/goals/reject-acceptance")
    @Operation(summary = "6. No aceptar las metas, con motivo / do not accept the goals")
    EvaluationView notAcceptGoals(@PathVariable String evaluationId, @Valid @RequestBody ReasonRequest request,
                                  @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT,
                closed -> new NotAcceptGoalsCommand(evaluationId, request.reason(), closed));
    }

    @PostMapping("/{evaluationId}/self-evaluations/{followUp}/submit")
    @Operation(summary = "8 / 12. Autoevaluar cada meta con evidencias / self-evaluate each goal with evidence")
    EvaluationView submitSelfEvaluation(@PathVariable String evaluationId, @PathVariable FollowUp followUp,
                                        @Valid @RequestBody ComplianceRequest request,
                                        @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                        VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT,
                closed -> new SubmitSelfEvaluationCommand(evaluationId, followUp, request.compliance(), closed));
    }

    @PostMapping("/{evaluationId}/self-evaluations/{followUp}/approve")
    @Operation(summary = "9 / 13. Aprobar la autoevaluación / approve the self-evaluation")
    EvaluationView approveSelfEvaluation(@PathVariable String evaluationId, @PathVariable FollowUp followUp,
                                         @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                         VerifiedUser user) {
        return step(evaluationId, user, Role.SUPERVISOR,
                closed -> new ApproveSelfEvaluationCommand(evaluationId, followUp, closed));
    }

    @PostMapping("/{evaluationId}/self-evaluations/{followUp}/reject")
    @Operation(summary = "9 / 13. Rechazar la autoevaluación, con motivo / reject the self-evaluation")
    EvaluationView rejectSelfEvaluation(@PathVariable String evaluationId, @PathVariable FollowUp followUp,
                                        @Valid @RequestBody ReasonRequest request,
                                        @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                        VerifiedUser user) {
        return step(evaluationId, user, Role.SUPERVISOR,
                closed -> new RejectSelfEvaluationCommand(evaluationId, followUp, request.reason(), closed));
    }

    @PostMapping("/{evaluationId}/self-evaluations/{followUp}/modify")
    @Operation(summary = "9 / 13. Modificar la autoevaluación / modify the self-evaluation")
    EvaluationView modifySelfEvaluation(@PathVariable String evaluationId, @PathVariable FollowUp followUp,
                                        @Valid @RequestBody ComplianceRequest request,
                                        @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                        VerifiedUser user) {
        return step(evaluationId, user, Role.SUPERVISOR, closed -> new ModifySelfEvaluationCommand(evaluationId,
                followUp, request.compliance(), request.reason(), closed));
    }

    @PostMapping("/{evaluationId}/self-evaluations/{followUp}/accept")
    @Operation(summary = "10. Aceptar la autoevaluación del I seguimiento / accept self-evaluation I")
    EvaluationView acceptSelfEvaluation(@PathVariable String evaluationId, @PathVariable FollowUp followUp,
                                        @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                        VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT,
                closed -> new AcceptSelfEvaluationCommand(evaluationId, followUp, closed));
    }

    @PostMapping("/{evaluationId}/self-evaluations/{followUp}/reject-acceptance")
    @Operation(summary = "10. No aceptar la autoevaluación, con motivo / do not accept self-evaluation I")
    EvaluationView notAcceptSelfEvaluation(@PathVariable String evaluationId, @PathVariable FollowUp followUp,
                                           @Valid @RequestBody ReasonRequest request,
                                           @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                           VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT,
                closed -> new NotAcceptSelfEvaluationCommand(evaluationId, followUp, request.reason(), closed));
    }

    @PostMapping("/{evaluationId}/competencies")
    @Operation(summary = "14. Calificar competencias comportamentales / rate behavioural competencies")
    EvaluationView rateCompetencies(@PathVariable String evaluationId, @Valid @RequestBody RatingsRequest request,
                                    @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SUPERVISOR,
                closed -> new RateCompetenciesCommand(evaluationId, request.ratings(), closed));
    }

    @PostMapping("/{evaluationId}/final-result/accept")
    @Operation(summary = "15. Aceptar el resultado final / accept the final result")
    EvaluationView acceptFinalResult(@PathVariable String evaluationId,
                                     @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT, closed -> new AcceptFinalResultCommand(evaluationId, closed));
    }

    @PostMapping("/{evaluationId}/final-result/not-accept")
    @Operation(summary = "15. No aceptar el resultado final, con motivo / do not accept the final result")
    EvaluationView notAcceptFinalResult(@PathVariable String evaluationId, @Valid @RequestBody ReasonRequest request,
                                        @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                        VerifiedUser user) {
        return step(evaluationId, user, Role.SERVANT,
                closed -> new NotAcceptFinalResultCommand(evaluationId, request.reason(), closed));
    }

    @PostMapping("/{evaluationId}/final-result/consolidation-without-acceptance")
    @Operation(summary = "16. Talento humano consolida un resultado no aceptado, con motivo / HR consolidates a "
            + "result the servant did not accept")
    EvaluationView consolidateNotAccepted(@PathVariable String evaluationId,
                                          @Valid @RequestBody ReasonRequest request,
                                          @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE)
                                          VerifiedUser user) {
        if (!user.has(Role.HR)) {
            throw new Forbidden("HR required");
        }
        find(evaluationId, user);
        commands.send(new ConsolidateNotAcceptedResultCommand(evaluationId, request.reason()), user, Role.HR);
        return find(evaluationId, user);
    }

    private EvaluationView step(String evaluationId, VerifiedUser user, Role role,
                                Function<Map<Stage, Instant>, StepCommand> command) {
        if (!user.has(role)) {
            throw new Forbidden(role + " required");
        }
        EvaluationView view = find(evaluationId, user);
        commands.send(command.apply(cycles.closedStages(view.cycleId())), user, role);
        return find(evaluationId, user);
    }

    private EvaluationView find(String evaluationId, VerifiedUser user) {
        return evaluations.find(evaluationId, user.institutionId())
                .orElseThrow(() -> new NotFound("evaluation " + evaluationId));
    }

    /** Goals as formulated; they are numbered in the order given. */
    record GoalRequest(@Size(max = 2000) String description, @Size(max = 2000) String deliverable,
                       BigDecimal weight, BigDecimal agreedPercentI, BigDecimal agreedPercentII) {

        Goal toGoal() {
            return new Goal(0, description, deliverable, weight, agreedPercentI, agreedPercentII);
        }
    }

    record GoalsRequest(@NotNull List<GoalRequest> goals, @Size(max = 2000) String reason) {

        List<Goal> toGoals() {
            return goals.stream().map(goal -> goal == null ? null : goal.toGoal()).toList();
        }
    }

    record ComplianceRequest(@NotNull List<GoalCompliance> compliance, @Size(max = 2000) String reason) {
    }

    record RatingsRequest(@NotNull List<CompetencyRating> ratings) {
    }

    record ReasonRequest(@Size(max = 2000) String reason) {
    }
}
