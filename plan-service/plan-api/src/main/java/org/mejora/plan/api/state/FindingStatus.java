package org.mejora.plan.api.state;

/** A finding is closed when every action it keeps (cancelled ones aside) is closed and verified effective. */
public enum FindingStatus {
    OPEN, CLOSED
}
