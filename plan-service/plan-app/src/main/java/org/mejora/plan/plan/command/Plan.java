package org.mejora.plan.plan.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionCancelled;
import org.mejora.plan.api.ActionClosed;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionMarkedNotImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.ActionRemoved;
import org.mejora.plan.api.ActionReopened;
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
import org.mejora.plan.api.PlanExecutionStarted;
import org.mejora.plan.api.PlanHeaderEdited;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.PlanReviewRejected;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;
import org.mejora.plan.rules.Require;
import org.mejora.plan.rules.RuleViolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An improvement plan (plan de mejoramiento): the consistency boundary of its findings, actions and follow-up
 * reports, so that numbers stay unique and concurrent edits are detected on one version.
 */
@Aggregate
class Plan {

    private static final Set<Integer> PROGRESS_STEPS = Set.of(0, 25, 50, 75, 100);

    @AggregateIdentifier
    private String planId;
    private PlanStatus status;
    private boolean reviewed;
    private boolean separationOfDutiesRelaxed;
    // Who signed elaboration and review in the current round (null for signatures older than their user id).
    private String elaboratedBy;
    private String reviewedBy;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final Map<String, Report> reports = new LinkedHashMap<>();

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
        if (findings.containsKey(command.findingId())) {
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
        if (actions.containsKey(command.actionId())) {
            throw RuleViolation.illegalTransition("action.exists", command.actionId());
        }
        apply(new ActionAdded(planId, command.findingId(), Require.text(command.actionId(), "actionId"),
                details(command.details(), null)));
    }

    @CommandHandler
    void handle(EditActionCommand command) {
        requireDraft();
        Action action = action(command.actionId());
        apply(new ActionEdited(planId, action.findingId(), action.actionId(),
                details(command.details(), action.actionId())));
    }

    @CommandHandler
    void handle(RemoveActionCommand command) {
        requireDraft();
        Action action = action(command.actionId());
        apply(new ActionRemoved(planId, action.findingId(), action.actionId()));
    }

    @CommandHandler
    void handle(SubmitPlanForReviewCommand command) {
        requireDraft();
        if (actions.isEmpty()) {
            throw RuleViolation.invalid("plan.without-actions", "actions");
        }
        apply(new PlanSubmittedForReview(planId, signature(command.responsible())));
    }

    @CommandHandler
    void handle(ReviewPlanCommand command) {
        if (status != PlanStatus.IN_REVIEW || reviewed) {
            throw RuleViolation.illegalTransition("plan.not-awaiting-review", status);
        }
        Signature reviewer = signature(command.reviewer());
        requireAnotherSigner(reviewer, elaboratedBy);
        apply(new PlanReviewed(planId, reviewer, command.observations()));
    }

    @CommandHandler
    void handle(RejectPlanReviewCommand command) {
        if (status != PlanStatus.IN_REVIEW) {
            throw RuleViolation.illegalTransition("plan.not-in-review", status);
        }
        Signature reviewer = signature(command.reviewer());
        requireAnotherSigner(reviewer, elaboratedBy);
        apply(new PlanReviewRejected(planId, reviewer, Require.text(command.reason(), "reason")));
    }

    @CommandHandler
    void handle(ApprovePlanCommand command) {
        if (status != PlanStatus.IN_REVIEW) {
            throw RuleViolation.illegalTransition("plan.not-in-review", status);
        }
        if (!reviewed) {
            throw RuleViolation.illegalTransition("plan.not-reviewed");
        }
        Signature approver = signature(command.approver());
        requireAnotherSigner(approver, elaboratedBy);
        requireAnotherSigner(approver, reviewedBy);
        apply(new PlanApproved(planId, approver));
    }

    @CommandHandler
    void handle(StartPlanExecutionCommand command) {
        if (status != PlanStatus.APPROVED) {
            throw RuleViolation.illegalTransition("plan.not-approved", status);
        }
        apply(new PlanExecutionStarted(planId, signature(command.startedBy())));
    }

    @CommandHandler
    void handle(ClosePlanCommand command) {
        if (status != PlanStatus.IN_EXECUTION) {
            throw RuleViolation.illegalTransition("plan.not-in-execution", status);
        }
        long open = actions.values().stream().filter(a -> a.status().isOpen() || a.status() == ActionStatus.IMPLEMENTED)
                .count();
        if (open > 0) {
            throw RuleViolation.invalid("plan.actions-open", "actions", open);
        }
        apply(new PlanClosed(planId, signature(command.closedBy())));
    }

    @CommandHandler
    void handle(RecordActionProgressCommand command) {
        Action action = actionInExecution(command.actionId());
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
        Action action = actionInExecution(command.actionId());
        if (!action.status().isOpen()) {
            throw RuleViolation.illegalTransition("action.not-open", action.status());
        }
        apply(new ActionImplemented(planId, action.actionId(), Require.text(command.evidence(), "evidence"),
                command.comment(), Objects.requireNonNull(command.implementedOn(), "implementedOn")));
    }

    @CommandHandler
    void handle(VerifyActionCommand command) {
        Action action = actionInExecution(command.actionId());
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
        Action action = actionInExecution(command.actionId());
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
        Action action = actionInExecution(command.actionId());
        if (action.status() != ActionStatus.CLOSED) {
            throw RuleViolation.illegalTransition("action.not-closed", action.status());
        }
        apply(new ActionReopened(planId, action.actionId(), Require.text(command.reason(), "reason")));
        if (findings.get(action.findingId()).closed) {
            apply(new FindingReopened(planId, action.findingId()));
        }
    }

    @CommandHandler
    void handle(MarkActionNotImplementedCommand command) {
        Action action = actionInExecution(command.actionId());
        if (!action.status().isOpen()) {
            throw RuleViolation.illegalTransition("action.not-open", action.status());
        }
        apply(new ActionMarkedNotImplemented(planId, action.actionId(),
                Require.text(command.justification(), "justification")));
    }

    @CommandHandler
    void handle(CancelActionCommand command) {
        Action action = actionInExecution(command.actionId());
        if (!action.status().isOpen() && action.status() != ActionStatus.IMPLEMENTED) {
            throw RuleViolation.illegalTransition("action.not-cancellable", action.status());
        }
        apply(new ActionCancelled(planId, action.actionId(), Require.text(command.justification(), "justification")));
        closeFindingWhenDone(action.findingId());
    }

    @CommandHandler
    void handle(DraftFollowUpReportCommand command) {
        if (status != PlanStatus.APPROVED && status != PlanStatus.IN_EXECUTION && status != PlanStatus.CLOSED) {
            throw RuleViolation.illegalTransition("plan.not-approved", status);
        }
        Report report = reports.get(command.reportId());
        if (report != null && report.submitted()) {
            throw RuleViolation.illegalTransition("report.submitted");
        }
        apply(new FollowUpReportDrafted(planId, Require.text(command.reportId(), "reportId"),
                Require.text(command.period(), "period"), command.antecedents(), command.legalBase(),
                command.objective(), command.conclusions(), command.recommendations(),
                Require.text(command.preparedBy(), "preparedBy")));
    }

    @CommandHandler
    void handle(SubmitFollowUpReportCommand command) {
        Report report = reports.get(command.reportId());
        if (report == null) {
            throw RuleViolation.illegalTransition("report.unknown", command.reportId());
        }
        if (report.submitted()) {
            throw RuleViolation.illegalTransition("report.submitted");
        }
        List<FollowUpReportLine> lines = new ArrayList<>();
        for (Action action : actions.values()) {
            Finding finding = findings.get(action.findingId());
            ActionDetails details = action.details();
            lines.add(new FollowUpReportLine(details.number(), ReportColumns.factor(finding.source()), details.name(),
                    details.start(), details.end(), ReportColumns.description(details.description(), details.objective()),
                    ReportColumns.status(action.status()), action.evidence(), action.files()));
        }
        apply(new FollowUpReportSubmitted(planId, report.reportId(), signature(command.responsible()), lines));
    }

    @EventSourcingHandler
    void on(PlanCreated event) {
        planId = event.planId();
        status = PlanStatus.DRAFT;
        separationOfDutiesRelaxed = event.relaxesSeparationOfDuties();
    }

    @EventSourcingHandler
    void on(FindingAdded event) {
        findings.put(event.findingId(), new Finding(event.findingId(), event.number(), event.source(), false));
    }

    @EventSourcingHandler
    void on(FindingEdited event) {
        Finding finding = findings.get(event.findingId());
        findings.put(finding.findingId(), new Finding(finding.findingId(), event.number(), event.source(),
                finding.closed()));
    }

    @EventSourcingHandler
    void on(FindingRemoved event) {
        findings.remove(event.findingId());
        actions.values().removeIf(action -> action.findingId().equals(event.findingId()));
    }

    @EventSourcingHandler
    void on(ActionAdded event) {
        actions.put(event.actionId(), new Action(event.actionId(), event.findingId(), event.details(),
                ActionStatus.PLANNED, 0, null, null, null, List.of()));
    }

    @EventSourcingHandler
    void on(ActionEdited event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.details(event.details()));
    }

    @EventSourcingHandler
    void on(ActionRemoved event) {
        actions.remove(event.actionId());
    }

    @EventSourcingHandler
    void on(PlanSubmittedForReview event) {
        status = PlanStatus.IN_REVIEW;
        reviewed = false;
        elaboratedBy = signer(event.responsible());
        reviewedBy = null;
    }

    @EventSourcingHandler
    void on(PlanReviewed event) {
        reviewed = true;
        reviewedBy = signer(event.reviewer());
    }

    @EventSourcingHandler
    void on(PlanReviewRejected event) {
        status = PlanStatus.DRAFT;
        reviewed = false;
        elaboratedBy = null;
        reviewedBy = null;
    }

    @EventSourcingHandler
    void on(PlanApproved event) {
        status = PlanStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(PlanExecutionStarted event) {
        status = PlanStatus.IN_EXECUTION;
    }

    @EventSourcingHandler
    void on(PlanClosed event) {
        status = PlanStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ActionProgressRecorded event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.progress(ActionStatus.IN_PROGRESS, event.percent(), event.evidence())
                        .withFiles(event.files()));
    }

    @EventSourcingHandler
    void on(ActionImplemented event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.progress(ActionStatus.IMPLEMENTED, 100, event.evidence()));
    }

    @EventSourcingHandler
    void on(ActionVerified event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.verified(event.compliant(), event.effective()).withFiles(event.files()));
    }

    @EventSourcingHandler
    void on(ActionClosed event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.status(ActionStatus.CLOSED));
    }

    @EventSourcingHandler
    void on(ActionReopened event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.status(ActionStatus.IN_PROGRESS).verified(null, null));
    }

    @EventSourcingHandler
    void on(ActionMarkedNotImplemented event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.status(ActionStatus.NOT_IMPLEMENTED));
    }

    @EventSourcingHandler
    void on(ActionCancelled event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.status(ActionStatus.CANCELLED));
    }

    @EventSourcingHandler
    void on(FindingClosed event) {
        findings.computeIfPresent(event.findingId(), (id, finding) -> finding.closed(true));
    }

    @EventSourcingHandler
    void on(FindingReopened event) {
        findings.computeIfPresent(event.findingId(), (id, finding) -> finding.closed(false));
    }

    @EventSourcingHandler
    void on(FollowUpReportDrafted event) {
        reports.putIfAbsent(event.reportId(), new Report(event.reportId(), false));
    }

    @EventSourcingHandler
    void on(FollowUpReportSubmitted event) {
        reports.put(event.reportId(), new Report(event.reportId(), true));
    }

    /** A finding closes when every action it keeps (cancelled ones aside) is closed and verified effective. */
    private void closeFindingWhenDone(String findingId) {
        Finding finding = findings.get(findingId);
        List<Action> kept = actionsOf(findingId).stream().filter(a -> a.status() != ActionStatus.CANCELLED).toList();
        boolean done = !kept.isEmpty() && kept.stream()
                .allMatch(a -> a.status() == ActionStatus.CLOSED && Boolean.TRUE.equals(a.effective()));
        if (done && !finding.closed()) {
            apply(new FindingClosed(planId, findingId));
        }
    }

    private void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw RuleViolation.illegalTransition("plan.not-editable", status);
        }
    }

    /** The files shown, each for the action as a whole or for one of its tasks. */
    private static List<EvidenceFile> files(List<EvidenceFile> files, Action action) {
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

    private String uniqueFindingNumber(String number, String exceptFindingId) {
        String given = Require.text(number, "number");
        boolean taken = findings.values().stream()
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
        boolean taken = actions.values().stream()
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

    private static Signature signature(Signature signature) {
        if (signature == null || signature.date() == null) {
            throw RuleViolation.invalid("field.required", "signature", "signature");
        }
        Require.text(signature.name(), "signature.name");
        Require.text(signature.role(), "signature.role");
        return signature;
    }

    private Finding finding(String findingId) {
        Finding finding = findings.get(findingId);
        if (finding == null) {
            throw RuleViolation.illegalTransition("finding.unknown", findingId);
        }
        return finding;
    }

    private Action action(String actionId) {
        Action action = actions.get(actionId);
        if (action == null) {
            throw RuleViolation.illegalTransition("action.unknown", actionId);
        }
        return action;
    }

    private Action actionInExecution(String actionId) {
        if (status != PlanStatus.IN_EXECUTION) {
            throw RuleViolation.illegalTransition("plan.not-in-execution", status);
        }
        return action(actionId);
    }

    private List<Action> actionsOf(String findingId) {
        return actions.values().stream().filter(a -> a.findingId().equals(findingId)).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Finding(String findingId, String number, FindingSource source, boolean closed) {

        Finding closed(boolean isClosed) {
            return new Finding(findingId, number, source, isClosed);
        }
    }

    private record Action(String actionId, String findingId, ActionDetails details, ActionStatus status, int percent,
                          String evidence, Boolean compliant, Boolean effective, List<EvidenceFile> files) {

        Action details(ActionDetails changed) {
            return new Action(actionId, findingId, changed, status, percent, evidence, compliant, effective, files);
        }

        Action progress(ActionStatus newStatus, int newPercent, String newEvidence) {
            return new Action(actionId, findingId, details, newStatus, newPercent,
                    newEvidence != null ? newEvidence : evidence, compliant, effective, files);
        }

        Action status(ActionStatus newStatus) {
            return new Action(actionId, findingId, details, newStatus, percent, evidence, compliant, effective,
                    files);
        }

        Action verified(Boolean isCompliant, Boolean isEffective) {
            return new Action(actionId, findingId, details, status, percent, evidence, isCompliant, isEffective,
                    files);
        }

        /** Every file shown for the action so far, in the order shown: the report lists them all. */
        Action withFiles(List<EvidenceFile> shown) {
            if (shown.isEmpty()) {
                return this;
            }
            List<EvidenceFile> all = new ArrayList<>(files);
            all.addAll(shown);
            return new Action(actionId, findingId, details, status, percent, evidence, compliant, effective,
                    List.copyOf(all));
        }
    }

    private record Report(String reportId, boolean submitted) {
    }
}
