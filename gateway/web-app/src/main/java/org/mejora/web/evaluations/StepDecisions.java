package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.Map;

/**
 * The decisions of P-TH-10 that carry at most a reason: the supervisor approves or rejects goals (5) and
 * self-evaluations (9, 13); the servant accepts or not the goals (6), the first self-evaluation (10) and the final
 * result (15). The paths are the API's; the service decides who may take each and when.
 */
@Controller
class StepDecisions {

    private final Gateway gateway;
    private final EvaluationScreen screen;

    StepDecisions(Gateway gateway, EvaluationScreen screen) {
        this.gateway = gateway;
        this.screen = screen;
    }

    @PostMapping("/evaluations/{evaluationId}/goals/{decision}")
    String goals(@PathVariable String evaluationId, @PathVariable String decision,
                 @RequestParam(required = false) String reason, @ModelAttribute("me") CurrentUser me, Model model,
                 RedirectAttributes redirect) {
        return decide(evaluationId, "/api/evaluations/{id}/goals/{decision}", reason, me, model, redirect,
                "eval.notice.goals." + decision, evaluationId, decision);
    }

    @PostMapping("/evaluations/{evaluationId}/self-evaluations/{followUp}/{decision}")
    String selfEvaluation(@PathVariable String evaluationId, @PathVariable String followUp,
                          @PathVariable String decision, @RequestParam(required = false) String reason,
                          @ModelAttribute("me") CurrentUser me, Model model, RedirectAttributes redirect) {
        return decide(evaluationId, "/api/evaluations/{id}/self-evaluations/{followUp}/{decision}", reason, me,
                model, redirect, "eval.notice.self-evaluation." + decision, evaluationId, followUp, decision);
    }

    @PostMapping("/evaluations/{evaluationId}/final-result/{decision}")
    String finalResult(@PathVariable String evaluationId, @PathVariable String decision,
                       @RequestParam(required = false) String reason, @ModelAttribute("me") CurrentUser me,
                       Model model, RedirectAttributes redirect) {
        return decide(evaluationId, "/api/evaluations/{id}/final-result/{decision}", reason, me, model, redirect,
                "eval.notice.final-result." + decision, evaluationId, decision);
    }

    private String decide(String evaluationId, String path, String reason, CurrentUser me, Model model,
                          RedirectAttributes redirect, String notice, Object... variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", Values.blankToNull(reason));
        try {
            gateway.post(path, body, variables);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            return screen.show(model, evaluationId, me);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/evaluations/" + evaluationId;
    }
}
