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

/**
 * P-TH-10 activity 5, "modificar": the supervisor edits the servant's goals, with the reason; the servant's own
 * version stays beside it (the service keeps both) and the servant then accepts it or not.
 */
@Controller
class ModifyGoalsForm {

    static final String VIEW = "evaluations/modify-goals";

    private final Gateway gateway;
    private final EvaluationScreen screen;

    ModifyGoalsForm(Gateway gateway, EvaluationScreen screen) {
        this.gateway = gateway;
        this.screen = screen;
    }

    @GetMapping("/evaluations/{evaluationId}/goals/modify")
    String form(@PathVariable String evaluationId, @ModelAttribute("me") CurrentUser me, Model model) {
        EvaluationSheet sheet = supervised(evaluationId, me);
        if (sheet.status() != Status.GOALS_IN_REVIEW) {
            return "redirect:/evaluations/" + evaluationId;
        }
        return show(model, sheet, GoalsInput.startingFrom(sheet.goals()), null);
    }

    @PostMapping("/evaluations/{evaluationId}/goals/modify")
    String modify(@PathVariable String evaluationId, GoalsInput form, @ModelAttribute("me") CurrentUser me,
                  Model model, RedirectAttributes redirect) {
        try {
            gateway.post("/api/evaluations/{id}/goals/modify", form.json(), evaluationId);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            return show(model, screen.sheet(evaluationId),
                    form.filled().isEmpty() ? form.withOneMore() : form.filled(), form.reason());
        }
        redirect.addFlashAttribute("notice", "eval.notice.goals-modified");
        return "redirect:/evaluations/" + evaluationId + "#changes";
    }

    @PostMapping("/evaluations/{evaluationId}/goals/modify/rows")
    String addRow(@PathVariable String evaluationId, GoalsInput form, @ModelAttribute("me") CurrentUser me,
                  Model model) {
        return show(model, supervised(evaluationId, me), form.withOneMore(), form.reason());
    }

    private EvaluationSheet supervised(String evaluationId, CurrentUser me) {
        EvaluationSheet sheet = screen.sheet(evaluationId);
        if (!EvaluationScreen.isSupervisor(sheet, me)) {
            throw screen.forbidden("eval.forbidden.supervisor-only");
        }
        return sheet;
    }

    private static String show(Model model, EvaluationSheet sheet, List<GoalsInput.Row> rows, String reason) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("goalsDraft", rows);
        model.addAttribute("reason", reason);
        return VIEW;
    }
}
