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

/** P-TH-10 activity 14: the supervisor rates the cycle's behavioural competencies; the service scores the year. */
@Controller
class RateCompetenciesForm {

    private final Gateway gateway;
    private final EvaluationScreen screen;

    RateCompetenciesForm(Gateway gateway, EvaluationScreen screen) {
        this.gateway = gateway;
        this.screen = screen;
    }

    @PostMapping("/evaluations/{evaluationId}/competencies")
    String rate(@PathVariable String evaluationId, RatingsInput form, @ModelAttribute("me") CurrentUser me,
                Model model, RedirectAttributes redirect) {
        try {
            gateway.post("/api/evaluations/{id}/competencies", form.json(), evaluationId);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("ratingsDraft", form.rows());
            return screen.show(model, evaluationId, me);
        }
        redirect.addFlashAttribute("notice", "eval.notice.competencies-rated");
        return "redirect:/evaluations/" + evaluationId + "#result";
    }
}
