package org.mejora.plan.api.state;

import org.mejora.plan.api.ActionDetails;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An action as an auditor sees it.
 *
 * @param percent     the progress: the last follow-up's, and 100 once implemented, whatever the last follow-up said
 * @param evidence    the last evidence (medio de verificación) recorded
 * @param compliant   the verification's compliance (cumplimiento); null while not verified, and again after a reopening
 * @param effective   the verification's effectiveness (efectividad), likewise
 * @param dueOn       the last day of the action's end period
 * @param closedOn    the day it was closed; null while not closed (a reopening clears it)
 * @param removed     removed from its DRAFT plan, by itself or with its finding
 * @param responsibles the people responsible for it, by user id (ActionResponsiblesAssigned); empty when none named
 * @param notices     the deadline facts already raised for its due date
 */
public record ActionState(
        String actionId,
        String findingId,
        ActionDetails details,
        ActionStatus status,
        int percent,
        String evidence,
        Boolean compliant,
        Boolean effective,
        LocalDate dueOn,
        LocalDate implementedOn,
        LocalDate closedOn,
        boolean removed,
        List<String> responsibles,
        DeadlineNotices notices) {

    public ActionState {
        responsibles = responsibles == null ? List.of() : List.copyOf(responsibles);
        notices = notices == null ? DeadlineNotices.NONE : notices;
    }

    /**
     * The deadline fact due today for this action: a reminder 7 and 1 days before its due date, overdue once past
     * it, each once per due date; none for an action that is finished, cancelled or removed (see {@link #overdueOn}).
     */
    public Optional<DeadlineNotices.Notice> deadlineNoticeOn(LocalDate today) {
        if (removed || !status.isOpen()) {
            return Optional.empty();
        }
        return notices.next(dueOn, today, overdueOn(today));
    }

    /** Whether a deadline fact may still be due for it: open, with a due date whose facts are not all raised. */
    public boolean awaitsDeadlineFacts() {
        return !removed && status.isOpen() && dueOn != null && !notices.settled(dueOn);
    }

    /** See {@link ActionStatus#overdue}; a removed action is never overdue. */
    public boolean overdueOn(LocalDate today) {
        return !removed && status.overdue(dueOn, today);
    }

    ActionState withDetails(ActionDetails changed) {
        return new ActionState(actionId, findingId, changed, status, percent, evidence, compliant, effective,
                ScheduleDates.lastDay(changed == null ? null : changed.end()), implementedOn, closedOn, removed,
                responsibles, notices);
    }

    ActionState progressed(ActionStatus newStatus, int newPercent, String newEvidence, LocalDate newImplementedOn) {
        return new ActionState(actionId, findingId, details, newStatus, newPercent,
                newEvidence != null ? newEvidence : evidence, compliant, effective, dueOn, newImplementedOn,
                closedOn, removed, responsibles, notices);
    }

    ActionState with(ActionStatus newStatus) {
        return new ActionState(actionId, findingId, details, newStatus, percent, evidence, compliant, effective,
                dueOn, implementedOn, closedOn, removed, responsibles, notices);
    }

    ActionState verified(Boolean isCompliant, Boolean isEffective) {
        return new ActionState(actionId, findingId, details, status, percent, evidence, isCompliant, isEffective,
                dueOn, implementedOn, closedOn, removed, responsibles, notices);
    }

    ActionState closed(ActionStatus newStatus, LocalDate on) {
        return new ActionState(actionId, findingId, details, newStatus, percent, evidence, compliant, effective,
                dueOn, implementedOn, on, removed, responsibles, notices);
    }

    ActionState asRemoved() {
        return new ActionState(actionId, findingId, details, status, percent, evidence, compliant, effective,
                dueOn, implementedOn, closedOn, true, responsibles, notices);
    }

    ActionState withResponsibles(List<String> userIds) {
        return new ActionState(actionId, findingId, details, status, percent, evidence, compliant, effective,
                dueOn, implementedOn, closedOn, removed, userIds, notices);
    }

    ActionState withNotices(DeadlineNotices changed) {
        return new ActionState(actionId, findingId, details, status, percent, evidence, compliant, effective,
                dueOn, implementedOn, closedOn, removed, responsibles, changed);
    }
}
