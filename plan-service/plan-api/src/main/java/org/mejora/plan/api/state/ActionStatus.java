package org.mejora.plan.api.state;

import java.time.LocalDate;

/**
 * PLANNED → IN_PROGRESS → IMPLEMENTED → CLOSED (Cerrada-C); a closed action is reopened (Abierta-A) to IN_PROGRESS.
 * NOT_IMPLEMENTED and CANCELLED are final and need a justification.
 */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, IMPLEMENTED, CLOSED, NOT_IMPLEMENTED, CANCELLED;

    /** Still to be carried out: it can make progress, and it is overdue once past its end. */
    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }

    /** "Estado de la acción: Implementada" in a follow-up report (seed 000). */
    public boolean isImplemented() {
        return this == IMPLEMENTED || this == CLOSED;
    }

    /** Overdue = past the last day of its end period and not implemented (DESIGN.md), on the institution's day. */
    public boolean overdue(LocalDate dueOn, LocalDate today) {
        return isOpen() && dueOn != null && dueOn.isBefore(today);
    }

    /** Where an action may end: a plan closes only when every action it keeps stands here. */
    public boolean isFinal() {
        return this == CLOSED || this == NOT_IMPLEMENTED || this == CANCELLED;
    }
}
