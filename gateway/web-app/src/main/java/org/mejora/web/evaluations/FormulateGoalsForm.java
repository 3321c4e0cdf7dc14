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

/** P-TH-10 activity 4: the servant formulates their goals and objectives and sends them to their supervisor. */
@Controller
class FormulateGoalsForm {

    private final Gateway gateway;
    private final EvaluationScreen screen;

    FormulateGoalsForm(Gateway gateway, EvaluationScreen screen) {
        this.gateway = gateway;
        this.screen = screen;
    }

    @PostMapping("/evaluations/{evaluationId}/goals/submit")
    String submit(@PathVariable String evaluationId, GoalsInput form, @ModelAttribute("me") CurrentUser me,
                  Model model, RedirectAttributes redirect) {
        try {
            gateway.post("/api/evaluations/{id}/goals/submit", form.json(), evaluationId);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("goalsDraft", form.filled().isEmpty() ? form.withOneMore() : form.filled());
            return screen.show(model, evaluationId, me);
        }
        redirect.addFlashAttribute("notice", "eval.notice.goals-submitted");
        return "redirect:/evaluations/" + evaluationId;
    }

    /** One more goal row, keeping what was typed; nothing is sent to the API. */
    @PostMapping("/evaluations/{evaluationId}/goals/rows")
    String addRow(@PathVariable String evaluationId, GoalsInput form, @ModelAttribute("me") CurrentUser me,
                  Model model) {
        model.addAttribute("goalsDraft", form.withOneMore());
        return screen.show(model, evaluationId, me);
    }
}
