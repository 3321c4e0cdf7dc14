package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** P-TH-10 activities 8 and 12: the servant reports each goal's compliance, with evidence, and sends it. */
@Controller
class SelfEvaluationForm {

    private final Gateway gateway;
    private final EvaluationScreen screen;

    SelfEvaluationForm(Gateway gateway, EvaluationScreen screen) {
        this.gateway = gateway;
        this.screen = screen;
    }

    @PostMapping("/evaluations/{evaluationId}/self-evaluations/{followUp}/submit")
    String submit(@PathVariable String evaluationId, @PathVariable String followUp, ComplianceInput form,
                  @ModelAttribute("me") CurrentUser me, Model model, RedirectAttributes redirect) {
        try {
            gateway.post("/api/evaluations/{id}/self-evaluations/{followUp}/submit", form.json(), evaluationId,
                    followUp);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("complianceDraft", form.rows());
            return screen.show(model, evaluationId, me);
        }
        redirect.addFlashAttribute("notice", "eval.notice.self-evaluation.submit");
        return "redirect:/evaluations/" + evaluationId;
    }
}
