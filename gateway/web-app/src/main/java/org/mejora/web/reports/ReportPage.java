package org.mejora.web.reports;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One follow-up report: while a draft, its sections are edited and the actions table shows the actions as they stand;
 * signing and submitting freezes the table and makes the report read-only. Both writes carry the version the user
 * saw, so nobody signs a table that changed under them (409 offers the current one).
 */
@Controller
class ReportPage {

    private final Gateway gateway;
    private final MessageSource messages;

    ReportPage(Gateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    @GetMapping("/plans/{planId}/reports/{reportId}")
    String report(@PathVariable String planId, @PathVariable String reportId, @ModelAttribute("me") CurrentUser me,
                  Model model) {
        Map<String, Object> report = show(planId, reportId, me, model);
        model.addAttribute("form", ReportForm.of(report));
        return "reports/report";
    }

    @PostMapping("/plans/{planId}/reports/{reportId}")
    String redraft(@PathVariable String planId, @PathVariable String reportId, @ModelAttribute("form") ReportForm form,
                   @RequestParam String version, @ModelAttribute("me") CurrentUser me, Model model) {
        try {
            gateway.send(HttpMethod.PUT, "/api/plans/{id}/reports/{reportId}", form.body(), version, planId,
                    reportId);
            return "redirect:/plans/" + planId + "/reports/" + reportId + "?saved";
        } catch (ApiProblem problem) {
            return again(problem, planId, reportId, me, model);
        }
    }

    @PostMapping("/plans/{planId}/reports/{reportId}/submission")
    String submit(@PathVariable String planId, @PathVariable String reportId,
                  @RequestParam(required = false, defaultValue = "false") boolean confirm,
                  @RequestParam String version, @ModelAttribute("me") CurrentUser me, Locale locale, Model model) {
        try {
            if (!confirm) {
                String detail = messages.getMessage("insights.report.sign.confirm-required", null, locale);
                throw new ApiProblem(400, Map.of("title", messages.getMessage("insights.report.sign.title", null,
                        locale), "detail", detail, "field", "confirm"));
            }
            // The signer's name and position are those of their token: plan-service signs with them.
            gateway.send(HttpMethod.POST, "/api/plans/{id}/reports/{reportId}/submission", Map.of(), version, planId,
                    reportId);
            return "redirect:/plans/" + planId + "/reports/" + reportId + "?submitted";
        } catch (ApiProblem problem) {
            return again(problem, planId, reportId, me, model);
        }
    }

    /** The page again with the problem beside its field; the form keeps what the user typed. */
    private String again(ApiProblem problem, String planId, String reportId, CurrentUser me, Model model) {
        if (problem.status() == 401 || problem.status() == 403 || problem.status() == 404) {
            throw problem;
        }
        show(planId, reportId, me, model);
        model.addAttribute("problem", problem);
        // "Reload" and the language switch open the report, not the address the form was posted to.
        model.addAttribute("requestPath", "/plans/" + planId + "/reports/" + reportId);
        return "reports/report";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> show(String planId, String reportId, CurrentUser me, Model model) {
        ResponseEntity<Map<String, Object>> versioned = gateway.getVersioned("/api/plans/{id}", planId);
        Map<String, Object> plan = versioned.getBody();
        Map<String, Object> report = ((List<Map<String, Object>>) plan.getOrDefault("reports", List.of())).stream()
                .filter(r -> reportId.equals(r.get("reportId"))).findFirst()
                .orElseThrow(() -> new ApiProblem(404, Map.of("detail", "report " + reportId)));
        boolean draft = "DRAFT".equals(report.get("status"));
        model.addAttribute("plan", plan);
        model.addAttribute("report", report);
        model.addAttribute("version", versioned.getHeaders().getFirst(HttpHeaders.ETAG));
        model.addAttribute("editable", draft && PlanOwner.is(me, plan));
        return report;
    }
}
