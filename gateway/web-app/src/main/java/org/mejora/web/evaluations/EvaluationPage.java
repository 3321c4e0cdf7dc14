package org.mejora.web.evaluations;

import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** "Mi evaluación": one evaluation with its goals, self-evaluations, result, individual plan and history. */
@Controller
class EvaluationPage {

    private final EvaluationScreen screen;

    EvaluationPage(EvaluationScreen screen) {
        this.screen = screen;
    }

    @GetMapping("/evaluations/{evaluationId}")
    String show(@PathVariable String evaluationId, @ModelAttribute("me") CurrentUser me, Model model) {
        return screen.show(model, evaluationId, me);
    }

    /**
     * A refused form is shown at the address it was posted to; switching the language there asks for that address,
     * which leads back to the evaluation.
     */
    @GetMapping({"/evaluations/{evaluationId}/goals/{step}", "/evaluations/{evaluationId}/competencies",
            "/evaluations/{evaluationId}/final-result/{step}",
            "/evaluations/{evaluationId}/self-evaluations/{followUp}/{step}"})
    String backToEvaluation(@PathVariable String evaluationId) {
        return "redirect:/evaluations/" + evaluationId;
    }
}
