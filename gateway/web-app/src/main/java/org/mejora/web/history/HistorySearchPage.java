package org.mejora.web.history;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's history search: every change to one plan of the institution (its findings, actions and reports), by
 * whom, of which kind, between two days, a page at a time; each change links to what it touched and to how the plan
 * or action stood right after it. Read-only.
 */
@Controller
class HistorySearchPage {

    static final int PAGE_SIZE = 25;
    /** The kinds of change reporting filters a plan's history by. */
    static final List<String> KINDS = List.of("CREATION", "STATUS", "PROGRESS", "DATES", "RESPONSIBLE",
            "VERIFICATION", "UNREAD");

    private final Gateway gateway;
    private final HistoryLines lines;
    private final Words words;
    private final Moments moments;

    HistorySearchPage(Gateway gateway, HistoryLines lines, Words words, Moments moments) {
        this.gateway = gateway;
        this.lines = lines;
        this.words = words;
        this.moments = moments;
    }

    /** The search as asked; the pager's links repeat it. */
    public record Search(String plan, String user, String change, LocalDate from, LocalDate to, int page) {

        String url(int otherPage) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("plan", plan);
            query.put("user", user);
            query.put("change", change);
            query.put("from", from);
            query.put("to", to);
            query.put("page", otherPage);
            return Gateway.uri("/history", query);
        }
    }

    public record Option(String value, String label) {
    }

    /** @param previous the previous page's address, or null on the first; {@code next} likewise */
    public record Results(List<HistoryLine> lines, long total, int page, int pages, String previous, String next) {

        /** The number of this page's first change, for the list's numbering. */
        public long first() {
            return (long) page * PAGE_SIZE + 1;
        }
    }

    @GetMapping("/history")
    @SuppressWarnings("unchecked")
    String page(@RequestParam(required = false) String plan, @RequestParam(required = false) String user,
                @RequestParam(required = false) String change,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Search search = new Search(blank(plan), blank(user), blank(change), from, to, Math.max(page, 0));
        model.addAttribute("search", search);
        model.addAttribute("plans", gateway.list("/api/plans").stream()
                .sorted(Comparator.comparing(p -> String.valueOf(p.get("title"))))
                .map(p -> new Option((String) p.get("planId"),
                        p.get("title") + " · " + words.status("Plan", (String) p.get("status"))))
                .toList());
        model.addAttribute("kinds", KINDS.stream().map(kind -> new Option(kind, words.kind(kind))).toList());
        model.addAttribute("today", moments.today());
        if (search.plan() == null) {
            model.addAttribute("users", List.of());
            return "history/search";
        }
        Map<String, Object> current = gateway.get("/api/plans/{id}", search.plan());
        model.addAttribute("users", actors(search.plan()));
        Map<String, Object> query = new HashMap<>();
        query.put("user", search.user());
        query.put("change", search.change());
        query.put("from", from == null ? null : moments.startOf(from).toString());
        query.put("to", to == null ? null : moments.endOf(to).toString());
        query.put("page", search.page());
        query.put("size", PAGE_SIZE);
        Map<String, Object> found;
        try {
            found = gateway.get(Gateway.uri("/api/reports/history/plans/" + search.plan(), query));
        } catch (ApiProblem problem) {
            if (problem.status() == 400) {
                model.addAttribute("problem", problem);
                return "history/search";
            }
            if (problem.status() != 404) {
                throw problem;
            }
            // Reporting has not seen this plan yet.
            found = Map.of();
        }
        List<Map<String, Object>> entries = (List<Map<String, Object>>) found.getOrDefault("items", List.of());
        long total = found.get("total") instanceof Number n ? n.longValue() : 0;
        model.addAttribute("planTitle", current.get("title"));
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("results", new Results(lines.of(entries, PlanIndex.of(current)), total, search.page(),
                pages, search.page() > 0 ? search.url(search.page() - 1) : null,
                search.page() + 1 < pages ? search.url(search.page() + 1) : null));
        return "history/search";
    }

    /** Who changed the plan: the people to filter by, from its history. */
    private List<Option> actors(String planId) {
        Map<String, String> people = new LinkedHashMap<>();
        try {
            for (Map<String, Object> entry : gateway.list("/api/reports/plans/{id}/history", planId)) {
                if (entry.get("actor") instanceof Map<?, ?> actor && actor.get("userId") != null) {
                    people.putIfAbsent((String) actor.get("userId"),
                            actor.get("name") != null ? (String) actor.get("name") : (String) actor.get("userId"));
                }
            }
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        return people.entrySet().stream()
                .map(person -> new Option(person.getKey(), person.getValue().equals(person.getKey())
                        ? person.getKey() : person.getValue() + " (" + person.getKey() + ")"))
                .sorted(Comparator.comparing(Option::label)).toList();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
