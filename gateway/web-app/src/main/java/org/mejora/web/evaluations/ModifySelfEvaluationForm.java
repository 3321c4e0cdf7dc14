package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** P-TH-10 activities 9 and 13, "modificar": the supervisor sets the compliance of each goal, with the reason. */
@Controller
class ModifySelfEvaluationForm {

    static final String VIEW = "evaluations/modify-self-evaluation";

    private final Gateway gateway;
    private final EvaluationScreen screen;

    ModifySelfEvaluationForm(Gateway gateway, EvaluationScreen screen) {
        this.gateway = gateway;
        this.screen = screen;
    }

    @GetMapping("/evaluations/{evaluationId}/self-evaluations/{followUp}/modify")
    String form(@PathVariable String evaluationId, @PathVariable String followUp,
                @ModelAttribute("me") CurrentUser me, Model model) {
        EvaluationSheet sheet = screen.sheet(evaluationId);
        if (!EvaluationScreen.isSupervisor(sheet, me)) {
            throw screen.forbidden("eval.forbidden.supervisor-only");
        }
        Status inReview = "I".equals(followUp) ? Status.SELF_EVALUATION_I_IN_REVIEW : Status.SELF_EVALUATION_II_IN_REVIEW;
        if (sheet.status() != inReview) {
            return "redirect:/evaluations/" + evaluationId;
        }
        return show(model, sheet, followUp,
                ComplianceInput.startingFrom(sheet.goals(), sheet.compliance(followUp)), null);
    }

    @PostMapping("/evaluations/{evaluationId}/self-evaluations/{followUp}/modify")
    String modify(@PathVariable String evaluationId, @PathVariable String followUp, ComplianceInput form,
                  Model model, RedirectAttributes redirect) {
        try {
            gateway.post("/api/evaluations/{id}/self-evaluations/{followUp}/modify", form.json(), evaluationId,
                    followUp);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            return show(model, screen.sheet(evaluationId), followUp, form.rows(), form.reason());
        }
        redirect.addFlashAttribute("notice", "eval.notice.self-evaluation.modify");
        return "redirect:/evaluations/" + evaluationId + "#changes";
    }

    private static String show(Model model, EvaluationSheet sheet, String followUp, List<ComplianceInput.Row> rows,
                               String reason) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("followUp", followUp);
        model.addAttribute("complianceDraft", rows);
        model.addAttribute("reason", reason);
        return VIEW;
    }
}
