package org.mejora.plan.plan.command;

/**
 * PLANNED → IN_PROGRESS → IMPLEMENTED → CLOSED (Cerrada-C); a closed action is reopened (Abierta-A) to IN_PROGRESS.
 * NOT_IMPLEMENTED and CANCELLED are final and need a justification.
 */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, IMPLEMENTED, CLOSED, NOT_IMPLEMENTED, CANCELLED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
