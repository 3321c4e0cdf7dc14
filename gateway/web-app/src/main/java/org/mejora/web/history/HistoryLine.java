package org.mejora.web.history;

import java.util.List;

/**
 * One change in a history, ready to show: when (in the institution's zone and the user's language, and the exact
 * instant for links), who in which role, what happened to which entity, each field from → to, why, and evidence.
 *
 * @param link     the entity's page, or null when it no longer exists
 * @param asOfLink the plan or action as it stood right after this change
 */
public record HistoryLine(String at, String when, String who, String userId, String role, String what,
                          String entityType, String entityId, String entity, String link, String asOfLink,
                          List<Change> changes, List<Why> why, String evidence) {

    /** A followed field (status, progress, dates, responsible, verification) before and after. */
    public record Change(String field, String from, String to) {
    }

    /** A reason, justification, comment or observations given with the change. */
    public record Why(String label, String text) {
    }
}
