package org.mejora.web.plans;

import org.mejora.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The institution's plans, filtered and in pages of {@value PlanList#PAGE_SIZE}, the most recently changed first.
 * The API filters by status and kind; the title text and the period are matched here.
 */
@Controller
class PlansPage {

    private final Gateway gateway;

    PlansPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/plans")
    String plans(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String period, @RequestParam(name = "q", required = false) String text,
                 @RequestParam(required = false) String page, Model model) {
        PlanList.Filters filters = PlanList.Filters.of(status, kind, period, text);
        Map<String, Object> query = new HashMap<>();
        query.put("status", filters.status());
        query.put("kind", filters.kind());
        List<Map<String, Object>> matching = gateway.list(Gateway.uri("/api/plans", query)).stream()
                .filter(plan -> filters.text() == null || contains(plan.get("title"), filters.text()))
                .filter(plan -> filters.period() == null || contains(plan.get("period"), filters.period()))
                .sorted(Comparator.comparing((Map<String, Object> plan) -> Objects.toString(plan.get("updatedAt"), ""))
                        .reversed())
                .toList();
        model.addAttribute("list", PlanList.of(matching, number(page), filters));
        return "plans/list";
    }

    /** Ignoring case and accents: "gestion" finds "Gestión". */
    private static boolean contains(Object value, String wanted) {
        return value != null && fold(value.toString()).contains(fold(wanted));
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static int number(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
