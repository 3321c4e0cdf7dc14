package org.mejora.web.home;

import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** "Mi trabajo": the first page after sign-in, with what waits on the user and how many. */
@Controller
class HomePage {

    private final Gateway gateway;
    private final Clock clock;

    HomePage(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@ModelAttribute("me") CurrentUser me, Model model) {
        List<Map<String, Object>> plans = List.of();
        if (me.readsPlans() || me.has("SERVANT", "SUPERVISOR")) {
            // The list has no findings or signatures: open the plans that can hold work for this user.
            plans = gateway.list("/api/plans").stream()
                    .filter(plan -> !"CLOSED".equals(plan.get("status")))
                    .map(plan -> gateway.get("/api/plans/{id}", plan.get("planId")))
                    .toList();
        }
        model.addAttribute("work", MyWork.of(me, plans, LocalDate.now(clock)));
        model.addAttribute("today", LocalDate.now(clock));
        return "home";
    }
}
