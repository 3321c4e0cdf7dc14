package org.mejora.plan.api.state;

import org.mejora.plan.api.FindingSource;

/**
 * A finding as an auditor sees it. A removed finding stays, marked {@code removed}, so that every reader can tell
 * "removed" from "never existed".
 */
public record FindingState(
        String findingId,
        String number,
        FindingSource source,
        FindingStatus status,
        boolean removed) {

    FindingState with(FindingStatus newStatus) {
        return new FindingState(findingId, number, source, newStatus, removed);
    }

    FindingState asRemoved() {
        return new FindingState(findingId, number, source, status, true);
    }
}
