package org.mejora.web.plans;

import org.mejora.web.api.Gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page of the institution's plans as filtered, with what the filter form and the page links need. */
public record PlanList(List<Map<String, Object>> rows, int page, int pages, int total, Filters filters) {

    static final int PAGE_SIZE = 20;

    public static final List<String> STATUSES = List.of("DRAFT", "IN_REVIEW", "APPROVED", "IN_EXECUTION", "CLOSED");
    public static final List<String> KINDS = List.of("AUDIT", "CAF_SELF_ASSESSMENT", "EVALUATION_DIAGNOSTIC",
            "INDIVIDUAL");

    /** The filters as given; unknown status or kind values are dropped rather than sent to the API. */
    public record Filters(String status, String kind, String period, String text) {

        static Filters of(String status, String kind, String period, String text) {
            return new Filters(known(STATUSES, status), known(KINDS, kind), blankToNull(period), blankToNull(text));
        }

        public boolean any() {
            return status != null || kind != null || period != null || text != null;
        }

        Map<String, Object> query() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("status", status);
            query.put("kind", kind);
            query.put("period", period);
            query.put("q", text);
            return query;
        }

        private static String known(List<String> values, String value) {
            return value != null && values.contains(value) ? value : null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public static List<String> statuses() {
        return STATUSES;
    }

    public static List<String> kinds() {
        return KINDS;
    }

    public int first() {
        return total == 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
    }

    public int last() {
        return Math.min(page * PAGE_SIZE, total);
    }

    /** The link to another page with the same filters. */
    public String pageUrl(int number) {
        Map<String, Object> query = filters.query();
        query.put("page", number == 1 ? null : number);
        return Gateway.uri("/plans", query);
    }

    static PlanList of(List<Map<String, Object>> matching, int requestedPage, Filters filters) {
        int total = matching.size();
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requestedPage), pages);
        List<Map<String, Object>> rows = matching.subList((page - 1) * PAGE_SIZE, Math.min(page * PAGE_SIZE, total));
        return new PlanList(List.copyOf(rows), page, pages, total, filters);
    }
}
