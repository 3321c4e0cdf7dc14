package org.mejora.web.plans;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * A plan: its header, signatures and rejections, the workflow step the user may sign now, its findings with their
 * actions, and in DRAFT the links that open the editing forms. Another institution's plan is the not-found page.
 */
@Controller
class PlanPage {

    private final Gateway gateway;

    PlanPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/plans/{planId}")
    String plan(@PathVariable String planId, @RequestParam(required = false) String saved,
                @RequestParam(required = false) String item, @ModelAttribute("me") CurrentUser me,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        boolean htmx = Htmx.asked(request);
        if (htmx) {
            // After an inline form's save (its redirect) or cancel, the whole page content is redrawn: every form
            // opened next starts from the new version.
            response.setHeader("HX-Retarget", "#main");
            response.setHeader("HX-Reswap", "outerHTML");
            response.setHeader("HX-Reselect", "#main");
        }
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        model.addAttribute("plan", plan);
        model.addAttribute("rights", PlanRights.of(me, plan));
        model.addAttribute("saved", saved);
        // Without JavaScript the URL's anchor takes the user back to what they saved; after an htmx swap, focus does.
        model.addAttribute("focus", htmx ? item : null);
        return "plans/plan";
    }
}
