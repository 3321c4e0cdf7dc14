package org.mejora.web.actions;

import org.mejora.web.history.HistoryLine;

import java.util.List;

/**
 * An action's history as reporting knows it. Reporting follows plan-service a few hundred milliseconds behind: when
 * it has not yet seen every follow-up the plan shows, the timeline is {@code lagging} and asks htmx to load it again
 * ({@code refreshUrl}), a bounded number of times, instead of the page waiting.
 *
 * @param available false when the user's role may not read histories
 * @param down      reporting did not answer: the page works without it, and the timeline tries again
 */
public record Timeline(boolean available, List<HistoryLine> lines, long total, boolean lagging, boolean down,
                       String refreshUrl) {

    static Timeline unavailable() {
        return new Timeline(false, List.of(), 0, false, false, null);
    }

    /** More entries than one page shows: the history search has the rest. */
    public boolean truncated() {
        return total > lines.size();
    }
}
