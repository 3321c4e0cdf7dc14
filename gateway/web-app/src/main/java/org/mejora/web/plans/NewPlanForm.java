package org.mejora.web.plans;

import jakarta.validation.groups.Default;
import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Map;

/** A new plan in draft: its kind and header; then the plan page, where findings and actions are added. */
@Controller
class NewPlanForm {

    private final Gateway gateway;
    private final PlanDrafts drafts;
    private final FormProblems problems;

    NewPlanForm(Gateway gateway, PlanDrafts drafts, FormProblems problems) {
        this.gateway = gateway;
        this.drafts = drafts;
        this.problems = problems;
    }

    @GetMapping("/plans/new")
    String form(@ModelAttribute("me") CurrentUser me, Model model) {
        requireCreator(me);
        model.addAttribute("form", PlanHeaderForm.blank());
        return "plans/new";
    }

    @PostMapping("/plans/new")
    String create(@ModelAttribute("me") CurrentUser me,
                  @Validated({Default.class, PlanHeaderForm.Creation.class})
                  @ModelAttribute("form") PlanHeaderForm form, BindingResult result, Model model) {
        requireCreator(me);
        if (result.hasErrors()) {
            model.addAttribute("problem", problems.of(result));
            return "plans/new";
        }
        try {
            Map<String, Object> created = gateway.post("/api/plans", form.body(true));
            return PlanLinks.afterSave((String) created.get("planId"), "created", "plan-header");
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            return "plans/new";
        }
    }

    private void requireCreator(CurrentUser me) {
        if (!me.has("PLAN_OWNER", "ADMIN")) {
            throw drafts.refusal(403, "plans.error.not-creator");
        }
    }
}
