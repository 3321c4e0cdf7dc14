package org.mejora.web.reports;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Map;
import java.util.Set;

/**
 * A plan's follow-up reports (informes de seguimiento, seed 000): the list, and a new draft. plan-service drafts
 * reports of an approved plan, in execution or closed.
 */
@Controller
class PlanReportsPage {

    static final Set<String> REPORTABLE = Set.of("APPROVED", "IN_EXECUTION", "CLOSED");

    private final Gateway gateway;

    PlanReportsPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/plans/{planId}/reports")
    String reports(@PathVariable String planId, @ModelAttribute("me") CurrentUser me, Model model) {
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        model.addAttribute("plan", plan);
        model.addAttribute("mayDraft", mayDraft(me, plan));
        return "reports/list";
    }

    @GetMapping("/plans/{planId}/reports/new")
    String newReport(@PathVariable String planId, @ModelAttribute("me") CurrentUser me, Model model) {
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        model.addAttribute("plan", plan);
        model.addAttribute("mayDraft", mayDraft(me, plan));
        model.addAttribute("form", new ReportForm((String) plan.get("period"), null, null, null, null, null,
                me.name()));
        return "reports/new";
    }

    @PostMapping("/plans/{planId}/reports")
    String draft(@PathVariable String planId, @ModelAttribute("form") ReportForm form,
                 @ModelAttribute("me") CurrentUser me, Model model) {
        try {
            Map<String, Object> created = gateway.post("/api/plans/{id}/reports", form.body(), planId);
            return "redirect:/plans/" + planId + "/reports/" + created.get("reportId") + "?saved";
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
            model.addAttribute("plan", plan);
            model.addAttribute("mayDraft", mayDraft(me, plan));
            model.addAttribute("problem", problem);
            // The language switch opens the blank form again rather than the list the form was posted to.
            model.addAttribute("requestPath", "/plans/" + planId + "/reports/new");
            return "reports/new";
        }
    }

    static boolean mayDraft(CurrentUser me, Map<String, Object> plan) {
        return PlanOwner.is(me, plan) && REPORTABLE.contains(plan.get("status"));
    }
}
