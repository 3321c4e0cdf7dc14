package org.mejora.web.dashboards;

import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Screen 6: the state of the institution's plans (or one plan's) in charts, each with its numbers as a table and
 * each bar or slice leading to the actions behind it. OVERSIGHT opens any institution's dashboard by its id.
 */
@Controller
class DashboardsPage {

    private final Gateway gateway;
    private final MessageSource messages;
    private final Clock clock;

    DashboardsPage(Gateway gateway, MessageSource messages, Clock clock) {
        this.gateway = gateway;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/dashboards")
    String dashboards(@RequestParam(required = false) String planId,
                      @RequestParam(required = false) String institutionId,
                      @ModelAttribute("me") CurrentUser me, Locale locale, Model model) {
        String plan = blankToNull(planId);
        // Only OVERSIGHT reads another institution; for anyone else reporting answers for their own.
        String institution = me.has("OVERSIGHT") ? blankToNull(institutionId) : null;
        boolean own = institution == null || institution.equals(me.institution());
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("institutionId", institution);
        query.put("planId", plan);
        // Reporting's "today" is the UTC day; the screens' is the institution's, as plan-service counts overdue.
        query.put("today", LocalDate.now(clock));
        // The overdue and due-soon lists come paged: the screen shows the first, largest page of them.
        query.put("size", Gateway.PAGE_SIZE);
        Map<String, Object> data = gateway.get(Gateway.uri("/api/reports/dashboards/plans", query));
        boolean lists = own && me.readsPlans();
        model.addAttribute("dashboard", PlanDashboard.of(data, new Texts(messages, locale), new Links(plan, lists)));
        List<Map<String, Object>> plans = lists ? gateway.list("/api/plans") : List.of();
        model.addAttribute("plans", plans);
        model.addAttribute("plan", plans.stream().filter(p -> p.get("planId").equals(plan)).findFirst().orElse(null));
        model.addAttribute("planId", plan);
        model.addAttribute("institutionId", institution);
        model.addAttribute("lists", lists);
        return "dashboards/plans";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
