package org.mejora.web.plans;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/**
 * Adding, editing and removing a draft plan's actions with their numbered tasks, inline under their finding on the
 * plan page or as pages of their own. (Following an action up in execution is the action page's, elsewhere.)
 */
@Controller
@RequestMapping("/plans/{planId}/edit")
class EditActionForm {

    private final Gateway gateway;
    private final PlanDrafts drafts;
    private final FormProblems problems;

    EditActionForm(Gateway gateway, PlanDrafts drafts, FormProblems problems) {
        this.gateway = gateway;
        this.drafts = drafts;
        this.problems = problems;
    }

    @GetMapping("/findings/{findingId}/actions/new")
    String newAction(@PathVariable String planId, @PathVariable String findingId, @ModelAttribute("me") CurrentUser me,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanDrafts.Versioned loaded = drafts.loadEditable(planId, me);
        Map<String, Object> finding = drafts.finding(loaded.plan(), findingId);
        show(model, loaded.plan(), finding, null, ActionForm.first(loaded.plan(), finding, loaded.version()));
        return Htmx.view(request, response, model, "plans/action-form", "form");
    }

    @PostMapping("/findings/{findingId}/actions/new")
    String add(@PathVariable String planId, @PathVariable String findingId,
               @Valid @ModelAttribute("form") ActionForm form, BindingResult result,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = Htmx.view(request, response, model, "plans/action-form", "form");
        Map<String, Object> plan = drafts.load(planId).plan();
        show(model, plan, drafts.finding(plan, findingId), null, form);
        if (result.hasErrors()) {
            model.addAttribute("problem", problems.of(result));
            return view;
        }
        try {
            Map<String, Object> added = gateway.send(HttpMethod.POST, "/api/plans/{id}/findings/{findingId}/actions",
                    form.body(), form.version(), planId, findingId);
            assignResponsibles(planId, String.valueOf(added.get("actionId")), form, null);
            return PlanLinks.afterSave(planId, "action-added", "action-" + added.get("actionId"));
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            return view;
        }
    }

    @GetMapping("/actions/{actionId}")
    String edit(@PathVariable String planId, @PathVariable String actionId, @ModelAttribute("me") CurrentUser me,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanDrafts.Versioned loaded = drafts.loadEditable(planId, me);
        Map<String, Object> action = drafts.action(loaded.plan(), actionId);
        show(model, loaded.plan(), findingOf(loaded.plan(), action), action,
                ActionForm.of(action, loaded.version()));
        return Htmx.view(request, response, model, "plans/action-form", "form");
    }

    @PostMapping("/actions/{actionId}")
    String save(@PathVariable String planId, @PathVariable String actionId,
                @Valid @ModelAttribute("form") ActionForm form, BindingResult result,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = Htmx.view(request, response, model, "plans/action-form", "form");
        Map<String, Object> plan = drafts.load(planId).plan();
        Map<String, Object> action = drafts.action(plan, actionId);
        show(model, plan, findingOf(plan, action), action, form);
        if (result.hasErrors()) {
            model.addAttribute("problem", problems.of(result));
            return view;
        }
        try {
            gateway.send(HttpMethod.PUT, "/api/plans/{id}/actions/{actionId}", form.body(), form.version(), planId,
                    actionId);
            assignResponsibles(planId, actionId, form, action);
            return PlanLinks.afterSave(planId, "action", "action-" + actionId);
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            return view;
        }
    }

    @GetMapping("/actions/{actionId}/removal")
    String confirmRemoval(@PathVariable String planId, @PathVariable String actionId,
                          @ModelAttribute("me") CurrentUser me, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        PlanDrafts.Versioned loaded = drafts.loadEditable(planId, me);
        showRemoval(model, loaded.plan(), drafts.action(loaded.plan(), actionId), loaded.version());
        return Htmx.view(request, response, model, "plans/removal", "form");
    }

    @PostMapping("/actions/{actionId}/removal")
    String remove(@PathVariable String planId, @PathVariable String actionId, @RequestParam String version,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = Htmx.view(request, response, model, "plans/removal", "form");
        Map<String, Object> plan = drafts.load(planId).plan();
        Map<String, Object> action = drafts.action(plan, actionId);
        try {
            gateway.send(HttpMethod.DELETE, "/api/plans/{id}/actions/{actionId}", null, version, planId, actionId);
            return PlanLinks.afterSave(planId, "action-removed", "finding-" + action.get("findingId"));
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            showRemoval(model, plan, action, version);
            return view;
        }
    }

    /**
     * The responsibles typed, when they changed: right after the action was saved, so without If-Match (the save
     * already moved the version on, and the plan rejects a stale edit of the action itself).
     */
    private void assignResponsibles(String planId, String actionId, ActionForm form, Map<String, Object> action) {
        List<String> typed = form.responsibleIds();
        if (typed.equals(ActionForm.responsiblesOf(action))) {
            return;
        }
        gateway.send(HttpMethod.PUT, "/api/plans/{id}/actions/{actionId}/responsibles", Map.of("userIds", typed),
                null, planId, actionId);
    }

    private Map<String, Object> findingOf(Map<String, Object> plan, Map<String, Object> action) {
        return drafts.finding(plan, (String) action.get("findingId"));
    }

    private void show(Model model, Map<String, Object> plan, Map<String, Object> finding,
                      Map<String, Object> action, ActionForm form) {
        model.addAttribute("plan", plan);
        model.addAttribute("finding", finding);
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        model.addAttribute("slot", "finding-" + finding.get("findingId") + "-slot");
    }

    private void showRemoval(Model model, Map<String, Object> plan, Map<String, Object> action, String version) {
        show(model, plan, findingOf(plan, action), action, null);
        model.addAttribute("version", version);
    }
}
