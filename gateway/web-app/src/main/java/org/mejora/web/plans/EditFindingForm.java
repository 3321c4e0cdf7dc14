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

import java.util.Map;

/** Adding, editing and removing a draft plan's findings, inline on the plan page or as pages of their own. */
@Controller
@RequestMapping("/plans/{planId}/edit/findings")
class EditFindingForm {

    private final Gateway gateway;
    private final PlanDrafts drafts;
    private final FormProblems problems;

    EditFindingForm(Gateway gateway, PlanDrafts drafts, FormProblems problems) {
        this.gateway = gateway;
        this.drafts = drafts;
        this.problems = problems;
    }

    @GetMapping("/new")
    String newFinding(@PathVariable String planId, @ModelAttribute("me") CurrentUser me, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        PlanDrafts.Versioned loaded = drafts.loadEditable(planId, me);
        show(model, loaded.plan(), null, FindingForm.first(loaded.plan(), loaded.version()));
        return Htmx.view(request, response, model, "plans/finding-form", "form");
    }

    @PostMapping("/new")
    String add(@PathVariable String planId, @Valid @ModelAttribute("form") FindingForm form, BindingResult result,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = Htmx.view(request, response, model, "plans/finding-form", "form");
        show(model, drafts.load(planId).plan(), null, form);
        if (result.hasErrors()) {
            model.addAttribute("problem", problems.of(result));
            return view;
        }
        try {
            Map<String, Object> added = gateway.send(HttpMethod.POST, "/api/plans/{id}/findings", form.body(),
                    form.version(), planId);
            return PlanLinks.afterSave(planId, "finding-added", "finding-" + added.get("findingId"));
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            return view;
        }
    }

    @GetMapping("/{findingId}")
    String edit(@PathVariable String planId, @PathVariable String findingId, @ModelAttribute("me") CurrentUser me,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanDrafts.Versioned loaded = drafts.loadEditable(planId, me);
        Map<String, Object> finding = drafts.finding(loaded.plan(), findingId);
        show(model, loaded.plan(), finding, FindingForm.of(finding, loaded.version()));
        return Htmx.view(request, response, model, "plans/finding-form", "form");
    }

    @PostMapping("/{findingId}")
    String save(@PathVariable String planId, @PathVariable String findingId,
                @Valid @ModelAttribute("form") FindingForm form, BindingResult result,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = Htmx.view(request, response, model, "plans/finding-form", "form");
        Map<String, Object> plan = drafts.load(planId).plan();
        show(model, plan, drafts.finding(plan, findingId), form);
        if (result.hasErrors()) {
            model.addAttribute("problem", problems.of(result));
            return view;
        }
        try {
            gateway.send(HttpMethod.PUT, "/api/plans/{id}/findings/{findingId}", form.body(), form.version(), planId,
                    findingId);
            return PlanLinks.afterSave(planId, "finding", "finding-" + findingId);
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            return view;
        }
    }

    @GetMapping("/{findingId}/removal")
    String confirmRemoval(@PathVariable String planId, @PathVariable String findingId,
                          @ModelAttribute("me") CurrentUser me, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        PlanDrafts.Versioned loaded = drafts.loadEditable(planId, me);
        Map<String, Object> finding = drafts.finding(loaded.plan(), findingId);
        showRemoval(model, loaded.plan(), finding, loaded.version());
        return Htmx.view(request, response, model, "plans/removal", "form");
    }

    @PostMapping("/{findingId}/removal")
    String remove(@PathVariable String planId, @PathVariable String findingId, @RequestParam String version,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = Htmx.view(request, response, model, "plans/removal", "form");
        try {
            gateway.send(HttpMethod.DELETE, "/api/plans/{id}/findings/{findingId}", null, version, planId, findingId);
            return PlanLinks.afterSave(planId, "finding-removed", "findings");
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            Map<String, Object> plan = drafts.load(planId).plan();
            showRemoval(model, plan, drafts.finding(plan, findingId), version);
            return view;
        }
    }

    private static void show(Model model, Map<String, Object> plan, Map<String, Object> finding, FindingForm form) {
        model.addAttribute("plan", plan);
        model.addAttribute("finding", finding);
        model.addAttribute("form", form);
        model.addAttribute("slot", finding == null ? "findings-slot" : "finding-" + finding.get("findingId") + "-slot");
    }

    private static void showRemoval(Model model, Map<String, Object> plan, Map<String, Object> finding,
                                    String version) {
        model.addAttribute("plan", plan);
        model.addAttribute("finding", finding);
        model.addAttribute("version", version);
        model.addAttribute("slot", "finding-" + finding.get("findingId") + "-slot");
    }
}
