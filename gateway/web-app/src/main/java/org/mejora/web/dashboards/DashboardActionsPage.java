package org.mejora.web.dashboards;

import org.mejora.web.api.Gateway;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The actions behind a bar or slice of the dashboard, each leading to its page. Read from the plans themselves
 * (plan-service), with the same rules reporting counts by; the counts may lag the plans by a moment.
 */
@Controller
class DashboardActionsPage {

    private final Gateway gateway;
    private final MessageSource messages;
    private final Clock clock;

    DashboardActionsPage(Gateway gateway, MessageSource messages, Clock clock) {
        this.gateway = gateway;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/dashboards/actions")
    @SuppressWarnings("unchecked")
    String actions(@ModelAttribute ActionFilter filter, Locale locale, Model model) {
        List<Map<String, Object>> plans = filter.planId() != null && !filter.planId().isBlank()
                ? List.of(gateway.get("/api/plans/{id}", filter.planId()))
                : gateway.list("/api/plans").stream().map(plan -> gateway.get("/api/plans/{id}", plan.get("planId")))
                .toList();
        LocalDate today = LocalDate.now(clock);
        List<ActionRow> rows = new ArrayList<>();
        for (Map<String, Object> plan : plans) {
            for (Map<String, Object> finding : (List<Map<String, Object>>) plan.getOrDefault("findings", List.of())) {
                for (Map<String, Object> action : (List<Map<String, Object>>) finding.getOrDefault("actions",
                        List.of())) {
                    if (filter.matches(action, finding, today)) {
                        rows.add(new ActionRow((String) plan.get("planId"), (String) plan.get("title"),
                                (String) action.get("actionId"), (String) action.get("number"),
                                (String) action.get("name"), (String) action.get("responsibleUnit"),
                                (String) action.get("status"),
                                action.get("percent") instanceof Number n ? n.intValue() : 0,
                                (String) action.get("dueDate"), Boolean.TRUE.equals(action.get("overdue"))));
                    }
                }
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("filters", filter.describe(new Texts(messages, locale)));
        model.addAttribute("filter", filter);
        model.addAttribute("plan", plans.size() == 1 && filter.planId() != null ? plans.get(0) : null);
        return "dashboards/actions";
    }
}
