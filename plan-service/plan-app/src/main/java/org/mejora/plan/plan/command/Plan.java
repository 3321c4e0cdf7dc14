package org.mejora.plan.plan.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionBecameOverdue;
import org.mejora.plan.api.ActionCancelled;
import org.mejora.plan.api.ActionClosed;
import org.mejora.plan.api.ActionDeadlineNeared;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionMarkedNotImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.ActionRemoved;
import org.mejora.plan.api.ActionReopened;
import org.mejora.plan.api.ActionResponsiblesAssigned;
import org.mejora.plan.api.ActionTask;
import org.mejora.plan.api.ActionVerified;
import org.mejora.plan.api.EvidenceFile;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.FindingClosed;
import org.mejora.plan.api.FindingEdited;
import org.mejora.plan.api.FindingRemoved;
import org.mejora.plan.api.FindingReopened;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.FindingSourceType;
import org.mejora.plan.api.FollowUpReportDrafted;
import org.mejora.plan.api.FollowUpReportLine;
import org.mejora.plan.api.FollowUpReportSubmitted;
import org.mejora.plan.api.PlanApproved;
import org.mejora.plan.api.PlanClosed;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanEvent;
import org.mejora.plan.api.PlanExecutionStarted;
import org.mejora.plan.api.PlanHeaderEdited;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.PlanReviewRejected;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;
import org.mejora.plan.api.state.ActionState;
import org.mejora.plan.api.state.ActionStatus;
import org.mejora.plan.api.state.DeadlineNotices;
import org.mejora.plan.api.state.FindingState;
import org.mejora.plan.api.state.FindingStatus;
import org.mejora.plan.api.state.PlanFold;
import org.mejora.plan.api.state.PlanState;
import org.mejora.plan.api.state.PlanStatus;
import org.mejora.plan.api.state.ReportState;
import org.mejora.plan.api.state.ReportStatus;
import org.mejora.plan.rules.Require;
import org.mejora.contract.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An improvement plan (plan de mejoramiento): the consistency boundary of its findings, actions and follow-up
 * reports, so that numbers stay unique and concurrent edits are detected on one version.
 * <p>
 * Its snapshots are its fields as JSON (PlanRepository): every field is state that the events rebuild.
 */
@Aggregate(repository = "planRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Plan {

    private static final Set<Integer> PROGRESS_STEPS = Set.of(0, 25, 50, 75, 100);

    @AggregateIdentifier
    private String planId;
    private PlanState state;
    // Command-side bookkeeping beside the published state: who signed elaboration and review in the current round
    // (null for signatures older than their user id), and the evidence files shown per action, for the report.
    private boolean separationOfDutiesRelaxed;
    private String elaboratedBy;
    private String reviewedBy;
    private final Map<String, List<EvidenceFile>> filesShown = new LinkedHashMap<>();

    Plan() {
        // for Axon
    }

    @CommandHandler
    Plan(CreatePlanCommand command) {
        if (command.kind() == null) {
            throw RuleViolation.invalid("field.required", "kind", "kind");
        }
        if ((command.kind() == PlanKind.INDIVIDUAL) != (command.individual() != null)) {
            throw RuleViolation.invalid("plan.individual-link", "individual");
        }
        apply(new PlanCreated(
                command.planId(),
                Require.text(command.institutionId(), "institutionId"),
                command.kind(),
                Require.text(command.title(), "title"),
                command.institutionName(),
                command.auditedProcess(),
                command.procedures(),
                command.responsible(),
                command.subscriptionDate(),
                command.formatCode(),
                command.formatVersion(),
                command.period(),
                command.individual(),
                command.separationOfDutiesRelaxed()));
    }

    @CommandHandler
    void handle(EditPlanHeaderCommand command) {
        requireDraft();
        apply(new PlanHeaderEdited(planId, Require.text(command.title(), "title"), command.institutionName(),
                command.auditedProcess(), command.procedures(), command.responsible(), command.subscriptionDate(),
                command.formatCode(), command.formatVersion(), command.period()));
    }

    @CommandHandler
    void handle(AddFindingCommand command) {
        requireDraft();
        if (state.liveFinding(command.findingId()).isPresent()) {
            throw RuleViolation.illegalTransition("finding.exists", command.findingId());
        }
        String number = uniqueFindingNumber(command.number(), null);
        apply(new FindingAdded(planId, Require.text(command.findingId(), "findingId"), number,
                Require.text(command.description(), "description"), source(command.source()),
                command.improvementArea()));
    }

    @CommandHandler
    void handle(EditFindingCommand command) {
        requireDraft();
        finding(command.findingId());
        String number = uniqueFindingNumber(command.number(), command.findingId());
        apply(new FindingEdited(planId, command.findingId(), number,
                Require.text(command.description(), "description"), source(command.source()),
                command.improvementArea()));
    }

    @CommandHandler
    void handle(RemoveFindingCommand command) {
        requireDraft();
        finding(command.findingId());
        apply(new FindingRemoved(planId, command.findingId()));
    }

    @CommandHandler
    void handle(AddActionCommand command) {
        requireDraft();
        finding(command.findingId());
        if (state.liveAction(command.actionId()).isPresent()) {
            throw RuleViolation.illegalTransition("action.exists", command.actionId());
        }
        apply(new ActionAdded(planId, command.findingId(), Require.text(command.actionId(), "actionId"),
                details(command.details(), null)));
    }

    @CommandHandler
    void handle(EditActionCommand command) {
        requireDraft();
        ActionState action = action(command.actionId());
        apply(new ActionEdited(planId, action.findingId(), action.actionId(),
                details(command.details(), action.actionId())));
    }

    @CommandHandler
    void handle(RemoveActionCommand command) {
        requireDraft();
        ActionState action = action(command.actionId());
        apply(new ActionRemoved(planId, action.findingId(), action.actionId()));
    }

    @CommandHandler
    void handle(SubmitPlanForReviewCommand command) {
        requireDraft();
        if (state.liveActions().isEmpty()) {
            throw RuleViolation.invalid("plan.without-actions", "actions");
        }
        apply(new PlanSubmittedForReview(planId, signature(command.responsible())));
    }

    @CommandHandler
    void handle(ReviewPlanCommand command) {
        if (state.status() != PlanStatus.IN_REVIEW || state.reviewed()) {
            throw RuleViolation.illegalTransition("plan.not-awaiting-review", state.status());
        }
        Signature reviewer = signature(command.reviewer());
        requireAnotherSigner(reviewer, elaboratedBy);
        apply(new PlanReviewed(planId, reviewer, command.observations()));
    }

    @CommandHandler
    void handle(RejectPlanReviewCommand command) {
        if (state.status() != PlanStatus.IN_REVIEW) {
            throw RuleViolation.illegalTransition("plan.not-in-review", state.status());
        }
        Signature reviewer = signature(command.reviewer());
        requireAnotherSigner(reviewer, elaboratedBy);
        apply(new PlanReviewRejected(planId, reviewer, Require.text(command.reason(), "reason")));
    }

    @CommandHandler
    void handle(ApprovePlanCommand command) {
        if (state.status() != PlanStatus.IN_REVIEW) {
            throw RuleViolation.illegalTransition("plan.not-in-review", state.status());
        }
        if (!state.reviewed()) {
            throw RuleViolation.illegalTransition("plan.not-reviewed");
        }
        Signature approver = signature(command.approver());
        requireAnotherSigner(approver, elaboratedBy);
        requireAnotherSigner(approver, reviewedBy);
        apply(new PlanApproved(planId, approver));
    }

    @CommandHandler
    void handle(StartPlanExecutionCommand command) {
        if (state.status() != PlanStatus.APPROVED) {
            throw RuleViolation.illegalTransition("plan.not-approved", state.status());
        }
        apply(new PlanExecutionStarted(planId, signature(command.startedBy())));
    }

    @CommandHandler
    void handle(ClosePlanCommand command) {
        if (state.status() != PlanStatus.IN_EXECUTION) {
            throw RuleViolation.illegalTransition("plan.not-in-execution", state.status());
        }
        long open = state.unfinishedActions();
        if (open > 0) {
            throw RuleViolation.invalid("plan.actions-open", "actions", open);
        }
        apply(new PlanClosed(planId, signature(command.closedBy())));
    }

    @CommandHandler
    void handle(RecordActionProgressCommand command) {
        ActionState action = actionInExecution(command.actionId());
        if (!action.status().isOpen()) {
            throw RuleViolation.illegalTransition("action.not-open", action.status());
        }
        Integer percent = command.percent();
        if (percent == null || !PROGRESS_STEPS.contains(percent)) {
            throw RuleViolation.invalid("progress.step", "percent", percent);
        }
        String reason = blankToNull(command.reason());
        if (percent < action.percent() && reason == null) {
            throw RuleViolation.invalid("progress.backwards-without-reason", "reason", action.percent(), percent);
        }
        String evidence = blankToNull(command.evidence());
        List<EvidenceFile> files = files(command.files(), action);
        // a file shown is evidence enough; text alone names evidence kept elsewhere (e.g. "CD entregado al MDT")
        if (percent > 0 && evidence == null && files.isEmpty()) {
            throw RuleViolation.invalid("field.required", "evidence", "evidence");
        }
        apply(new ActionProgressRecorded(planId, action.actionId(), percent, action.percent(), evidence,
                command.comment(), reason, Objects.requireNonNull(command.recordedOn(), "recordedOn"), files));
    }

    @CommandHandler
    void handle(MarkActionImplementedCommand command) {
        ActionState action = actionInExecution(command.actionId());
        if (!action.status().isOpen()) {
            throw RuleViolation.illegalTransition("action.not-open", action.status());
        }
        apply(new ActionImplemented(planId, action.actionId(), Require.text(command.evidence(), "evidence"),
                command.comment(), Objects.requireNonNull(command.implementedOn(), "implementedOn")));
    }

    @CommandHandler
    void handle(VerifyActionCommand command) {
        ActionState action = actionInExecution(command.actionId());
        if (action.status() != ActionStatus.IMPLEMENTED) {
            throw RuleViolation.illegalTransition("action.not-implemented", action.status());
        }
        if (command.compliant() == null) {
            throw RuleViolation.invalid("field.required", "compliant", "compliant");
        }
        if (command.effective() == null) {
            throw RuleViolation.invalid("field.required", "effective", "effective");
        }
        apply(new ActionVerified(planId, action.actionId(), command.compliant(), command.effective(),
                command.observations(), signature(command.verifier()), files(command.files(), action)));
    }

    @CommandHandler
    void handle(CloseActionCommand command) {
        ActionState action = actionInExecution(command.actionId());
        if (action.status() != ActionStatus.IMPLEMENTED) {
            throw RuleViolation.illegalTransition("action.not-implemented", action.status());
        }
        if (action.compliant() == null) {
            throw RuleViolation.illegalTransition("action.not-verified");
        }
        if (!action.compliant()) {
            throw RuleViolation.invalid("action.not-compliant", "compliant");
        }
        apply(new ActionClosed(planId, action.actionId(), Objects.requireNonNull(command.closedOn(), "closedOn")));
        closeFindingWhenDone(action.findingId());
    }

    @CommandHandler
    void handle(ReopenActionCommand command) {
        ActionState action = actionInExecution(command.actionId());
        if (action.status() != ActionStatus.CLOSED) {
            throw RuleViolation.illegalTransition("action.not-closed", action.status());
        }
        apply(new ActionReopened(planId, action.actionId(), Require.text(command.reason(), "reason")));
        if (state.findings().get(action.findingId()).status() == FindingStatus.CLOSED) {
            apply(new FindingReopened(planId, action.findingId()));
        }
    }

    @CommandHandler
    void handle(MarkActionNotImplementedCommand command) {
        ActionState action = actionInExecution(command.actionId());
        if (!action.status().isOpen()) {
            throw RuleViolation.illegalTransition("action.not-open", action.status());
        }
        apply(new ActionMarkedNotImplemented(planId, action.actionId(),
                Require.text(command.justification(), "justification")));
    }

    @CommandHandler
    void handle(CancelActionCommand command) {
        ActionState action = actionInExecution(command.actionId());
        if (!action.status().isOpen() && action.status() != ActionStatus.IMPLEMENTED) {
            throw RuleViolation.illegalTransition("action.not-cancellable", action.status());
        }
        apply(new ActionCancelled(planId, action.actionId(), Require.text(command.justification(), "justification")));
        closeFindingWhenDone(action.findingId());
    }

    @CommandHandler
    void handle(DraftFollowUpReportCommand command) {
        if (state.status() != PlanStatus.APPROVED && state.status() != PlanStatus.IN_EXECUTION
                && state.status() != PlanStatus.CLOSED) {
            throw RuleViolation.illegalTransition("plan.not-approved", state.status());
        }
        ReportState report = state.reports().get(command.reportId());
        if (report != null && report.status() == ReportStatus.SUBMITTED) {
            throw RuleViolation.illegalTransition("report.submitted");
        }
        apply(new FollowUpReportDrafted(planId, Require.text(command.reportId(), "reportId"),
                Require.text(command.period(), "period"), command.antecedents(), command.legalBase(),
                command.objective(), command.conclusions(), command.recommendations(),
                Require.text(command.preparedBy(), "preparedBy")));
    }

    @CommandHandler
    void handle(SubmitFollowUpReportCommand command) {
        ReportState report = state.reports().get(command.reportId());
        if (report == null) {
            throw RuleViolation.illegalTransition("report.unknown", command.reportId());
        }
        if (report.status() == ReportStatus.SUBMITTED) {
            throw RuleViolation.illegalTransition("report.submitted");
        }
        List<FollowUpReportLine> lines = new ArrayList<>();
        for (ActionState action : state.liveActions()) {
            FindingState finding = state.findings().get(action.findingId());
            ActionDetails details = action.details();
            lines.add(new FollowUpReportLine(details.number(), ReportColumns.factor(finding.source()), details.name(),
                    details.start(), details.end(), ReportColumns.description(details.description(), details.objective()),
                    ReportColumns.status(action.status()), action.evidence(),
                    filesShown.getOrDefault(action.actionId(), List.of())));
        }
        apply(new FollowUpReportSubmitted(planId, report.reportId(), signature(command.responsible()), lines));
    }

    /**
     * The deadline facts due today, decided by the published rule (ActionState.deadlineNoticeOn): each is raised once
     * per action and due date, so a repeated sweep raises nothing. Returns how many were raised.
     */
    @CommandHandler
    int handle(NoticeActionDeadlinesCommand command) {
        LocalDate today = Objects.requireNonNull(command.today(), "today");
        int raised = 0;
        for (ActionState action : state.liveActions()) {
            Optional<DeadlineNotices.Notice> notice = action.deadlineNoticeOn(today);
            if (notice.isEmpty()) {
                continue;
            }
            DeadlineNotices.Notice due = notice.get();
            apply(due.overdue()
                    ? new ActionBecameOverdue(planId, action.actionId(), due.dueOn(), today)
                    : new ActionDeadlineNeared(planId, action.actionId(), due.dueOn(), due.daysLeft(), today));
            raised++;
        }
        return raised;
    }

    /** Who is responsible for an action, by user id: any live action of a plan that is not closed. */
    @CommandHandler
    void handle(AssignActionResponsiblesCommand command) {
        if (state.status() == PlanStatus.CLOSED) {
            throw RuleViolation.illegalTransition("plan.closed-responsibles");
        }
        ActionState action = action(command.actionId());
        if (command.userIds() == null) {
            throw RuleViolation.invalid("field.required", "userIds", "userIds");
        }
        LinkedHashSet<String> userIds = new LinkedHashSet<>();
        for (String userId : command.userIds()) {
            String id = userId == null ? "" : userId.strip();
            if (id.isEmpty() || id.length() > 100 || id.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
                throw RuleViolation.invalid("action.responsible-user-id", "userIds", userId);
            }
            userIds.add(id);
        }
        if (userIds.size() > 20) {
            throw RuleViolation.invalid("action.responsibles-too-many", "userIds", 20);
        }
        if (List.copyOf(userIds).equals(action.responsibles())) {
            return;
        }
        apply(new ActionResponsiblesAssigned(planId, action.actionId(), List.copyOf(userIds)));
    }

    /** Every event's effect on the plan is the published one: the aggregate decides commands on the same state. */
    @EventSourcingHandler
    void on(PlanEvent event) {
        state = PlanFold.apply(state, event);
        planId = state.planId();
        keepSignersAndFiles(event);
    }

    private void keepSignersAndFiles(PlanEvent event) {
        if (event instanceof PlanCreated created) {
            separationOfDutiesRelaxed = created.relaxesSeparationOfDuties();
        } else if (event instanceof PlanSubmittedForReview submitted) {
            elaboratedBy = signer(submitted.responsible());
            reviewedBy = null;
        } else if (event instanceof PlanReviewed reviewed) {
            reviewedBy = signer(reviewed.reviewer());
        } else if (event instanceof PlanReviewRejected) {
            elaboratedBy = null;
            reviewedBy = null;
        } else if (event instanceof ActionProgressRecorded progress) {
            show(progress.actionId(), progress.files());
        } else if (event instanceof ActionVerified verified) {
            show(verified.actionId(), verified.files());
        }
    }

    /** Every file shown for the action so far, in the order shown: the report lists them all. */
    private void show(String actionId, List<EvidenceFile> files) {
        if (!files.isEmpty()) {
            filesShown.computeIfAbsent(actionId, id -> new ArrayList<>()).addAll(files);
        }
    }

    /** The files shown, each for the action as a whole or for one of its tasks. */
    private static List<EvidenceFile> files(List<EvidenceFile> files, ActionState action) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        for (EvidenceFile file : files) {
            Integer task = file.taskNumber();
            if (task != null && action.details().tasks().stream().noneMatch(t -> t.number() == task)) {
                throw RuleViolation.invalid("evidence.unknown-task", "files.taskNumber", task);
            }
        }
        return List.copyOf(files);
    }

    /**
     * Elaborated, reviewed and approved by three different users, unless the plan was created with the rule relaxed
     * (recorded in its PlanCreated). Signatures older than their user id cannot be told apart and are let through.
     */
    private void requireAnotherSigner(Signature signature, String earlierSigner) {
        if (!separationOfDutiesRelaxed && earlierSigner != null && earlierSigner.equals(signature.userId())) {
            throw RuleViolation.invalid("plan.separation-of-duties", "signature", signature.userId());
        }
    }

    private static String signer(Signature signature) {
        return signature == null ? null : signature.userId();
    }

    /** A finding closes when every action it keeps (cancelled ones aside) is closed and verified effective. */
    private void closeFindingWhenDone(String findingId) {
        if (state.findingDone(findingId) && state.findings().get(findingId).status() != FindingStatus.CLOSED) {
            apply(new FindingClosed(planId, findingId));
        }
    }

    private void requireDraft() {
        if (state.status() != PlanStatus.DRAFT) {
            throw RuleViolation.illegalTransition("plan.not-editable", state.status());
        }
    }

    private String uniqueFindingNumber(String number, String exceptFindingId) {
        String given = Require.text(number, "number");
        boolean taken = state.liveFindings().stream()
                .anyMatch(f -> f.number().equalsIgnoreCase(given) && !f.findingId().equals(exceptFindingId));
        if (taken) {
            throw RuleViolation.invalid("finding.duplicate-number", "number", given);
        }
        return given;
    }

    private static FindingSource source(FindingSource source) {
        return source == null || source.type() == null
                ? new FindingSource(FindingSourceType.OTHER,
                source == null ? null : source.criterion(), source == null ? null : source.subcriterion(),
                source == null ? null : source.factor())
                : source;
    }

    /** Validates an action's columns and writes its dates in canonical form: the one place of the date rules. */
    private ActionDetails details(ActionDetails details, String exceptActionId) {
        if (details == null) {
            throw RuleViolation.invalid("field.required", "details", "details");
        }
        String number = Require.text(details.number(), "number");
        boolean taken = state.liveActions().stream()
                .anyMatch(a -> a.details().number().equalsIgnoreCase(number) && !a.actionId().equals(exceptActionId));
        if (taken) {
            throw RuleViolation.invalid("action.duplicate-number", "number", number);
        }
        ScheduleDate start = ScheduleDate.parse(details.start(), "start");
        ScheduleDate end = ScheduleDate.parse(details.end(), "end");
        if (start != null && end != null && end.endsBefore(start)) {
            throw RuleViolation.invalid("action.end-before-start", "end", details.start(), details.end());
        }
        if (details.scheduledMonths() != null && details.scheduledMonths() < 0) {
            throw RuleViolation.invalid("action.scheduled-months", "scheduledMonths", details.scheduledMonths());
        }
        List<ActionTask> tasks = details.tasks() == null ? List.of() : List.copyOf(details.tasks());
        for (ActionTask task : tasks) {
            Require.text(task.description(), "tasks");
        }
        return new ActionDetails(number, Require.text(details.name(), "name"), details.description(),
                details.objective(), tasks, details.goalIndicator(), details.resources(), details.responsibleUnit(),
                details.responsibleRole(), details.technicalDirection(), start == null ? null : start.text(),
                end == null ? null : end.text(), details.scheduledMonths(), details.comments());
    }

    private static Signature signature(Signature signature) {
        if (signature == null || signature.date() == null) {
            throw RuleViolation.invalid("field.required", "signature", "signature");
        }
        Require.text(signature.name(), "signature.name");
        Require.text(signature.role(), "signature.role");
        return signature;
    }

    private FindingState finding(String findingId) {
        return state.liveFinding(findingId)
                .orElseThrow(() -> RuleViolation.illegalTransition("finding.unknown", findingId));
    }

    private ActionState action(String actionId) {
        return state.liveAction(actionId)
                .orElseThrow(() -> RuleViolation.illegalTransition("action.unknown", actionId));
    }

    private ActionState actionInExecution(String actionId) {
        if (state.status() != PlanStatus.IN_EXECUTION) {
            throw RuleViolation.illegalTransition("plan.not-in-execution", state.status());
        }
        return action(actionId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
