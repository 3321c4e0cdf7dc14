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


/** A draft plan's header (everything but its kind), inline on the plan page or as a page of its own. */
@Controller
class EditPlanHeaderForm {

    private static final String PATH = "/plans/{planId}/edit/header";

    private final Gateway gateway;
    private final PlanDrafts drafts;
    private final FormProblems problems;

    EditPlanHeaderForm(Gateway gateway, PlanDrafts drafts, FormProblems problems) {
        this.gateway = gateway;
        this.drafts = drafts;
        this.problems = problems;
    }

    @GetMapping(PATH)
    String form(@PathVariable String planId, @ModelAttribute("me") CurrentUser me, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        PlanDrafts.Versioned loaded = drafts.loadEditable(planId, me);
        model.addAttribute("plan", loaded.plan());
        model.addAttribute("form", PlanHeaderForm.of(loaded.plan(), loaded.version()));
        return Htmx.view(request, response, model, "plans/header-form", "form");
    }

    @PostMapping(PATH)
    String save(@PathVariable String planId, @ModelAttribute("me") CurrentUser me,
                @Valid @ModelAttribute("form") PlanHeaderForm form, BindingResult result,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = Htmx.view(request, response, model, "plans/header-form", "form");
        model.addAttribute("plan", drafts.load(planId).plan());
        if (result.hasErrors()) {
            model.addAttribute("problem", problems.of(result));
            return view;
        }
        try {
            gateway.send(HttpMethod.PUT, "/api/plans/{id}", form.body(false), form.version(), planId);
            return PlanLinks.afterSave(planId, "header", "plan-header");
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            return view;
        }
    }
}
