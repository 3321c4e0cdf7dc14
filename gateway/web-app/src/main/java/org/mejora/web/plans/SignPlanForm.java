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

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Signing a step of the plan's workflow (submit, review, reject, approve, start execution, close) in two steps: the
 * user sees the signature that will be recorded — name, role, position (both from their token), date — and, for a
 * rejection, types the reason; then confirms it. Only then is it posted, with the version the user first saw.
 */
@Controller
@RequestMapping("/plans/{planId}/sign/{step}")
class SignPlanForm {

    /** The signer as the signature will record them (plan-service signs with the same name, role and day). */
    public record Signer(String name, String role, String position, LocalDate date) {
    }

    private final Gateway gateway;
    private final PlanDrafts drafts;
    private final FormProblems problems;
    private final Clock clock;

    SignPlanForm(Gateway gateway, PlanDrafts drafts, FormProblems problems, Clock clock) {
        this.gateway = gateway;
        this.drafts = drafts;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    String form(@PathVariable String planId, @PathVariable("step") String path, @ModelAttribute("me") CurrentUser me,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanStep step = step(path);
        PlanDrafts.Versioned loaded = drafts.load(planId);
        String role = signerRole(me, loaded.plan(), step);
        if (!PlanRights.of(me, loaded.plan()).may(step)) {
            throw drafts.refusal(409, "plans.error.step-not-now");
        }
        show(model, me, loaded.plan(), step, role, SignatureForm.blank(loaded.version()), false);
        return Htmx.view(request, response, model, "plans/sign", "panel");
    }

    @PostMapping
    String sign(@PathVariable String planId, @PathVariable("step") String path, @ModelAttribute("me") CurrentUser me,
                @Valid @ModelAttribute("form") SignatureForm form, BindingResult result,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanStep step = step(path);
        Map<String, Object> plan = drafts.load(planId).plan();
        String role = signerRole(me, plan, step);
        if (step == PlanStep.REJECTION && PlanHeaderForm.trimmed(form.reason()) == null) {
            problems.reject(result, "reason", form.reason(), "plans.sign.reason.required");
        }
        String view = Htmx.view(request, response, model, "plans/sign", "panel");
        if (result.hasErrors()) {
            model.addAttribute("problem", problems.of(result));
            show(model, me, plan, step, role, form, false);
            return view;
        }
        if (!"sign".equals(form.stage())) {
            show(model, me, plan, step, role, form, "confirm".equals(form.stage()));
            return view;
        }
        try {
            gateway.send(HttpMethod.POST, "/api/plans/{id}/" + step.path(), form.body(step), form.version(), planId);
            return PlanLinks.afterSave(planId, step.path(), "signatures");
        } catch (ApiProblem problem) {
            problems.show(problem, model);
            show(model, me, plan, step, role, form, false);
            return view;
        }
    }

    private void show(Model model, CurrentUser me, Map<String, Object> plan, PlanStep step, String role,
                      SignatureForm form, boolean confirming) {
        model.addAttribute("plan", plan);
        model.addAttribute("step", step);
        model.addAttribute("form", form);
        model.addAttribute("signer", new Signer(me.name(), role, me.position(), LocalDate.now(clock)));
        model.addAttribute("confirming", confirming);
    }

    private PlanStep step(String path) {
        return PlanStep.at(path).orElseThrow(() -> drafts.refusal(404, "plans.error.no-step"));
    }

    /** A user whose role may never take this step gets the forbidden page, not a form the service would refuse. */
    private String signerRole(CurrentUser me, Map<String, Object> plan, PlanStep step) {
        String role = PlanRights.roleFor(me, plan, step);
        if (role == null) {
            throw drafts.refusal(403, "plans.error.step-not-yours");
        }
        return role;
    }
}
