package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts one evaluation on the page "mi evaluación" for whoever may read it: the servant, their supervisor, HR and
 * auditors (the service refuses anyone else, and that refusal is the 403 page). Which forms appear depends on who
 * the user is to this evaluation and where it stands; forms that failed come back with what was typed.
 */
@Component
class EvaluationScreen {

    static final String VIEW = "evaluations/evaluation";

    private final Gateway gateway;
    private final StageDeadlines deadlines;
    private final IndividualPlans plans;
    private final EvaluationHistory history;
    private final MessageSource messages;
    private final Clock clock;

    EvaluationScreen(Gateway gateway, StageDeadlines deadlines, IndividualPlans plans, EvaluationHistory history,
                     MessageSource messages, Clock clock) {
        this.gateway = gateway;
        this.deadlines = deadlines;
        this.plans = plans;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    EvaluationSheet sheet(String evaluationId) {
        return EvaluationSheet.of(gateway.get("/api/evaluations/{id}", evaluationId), clock.getZone());
    }

    String show(Model model, String evaluationId, CurrentUser me) {
        EvaluationSheet sheet = sheet(evaluationId);
        model.addAttribute("sheet", sheet);
        model.addAttribute("procedure", Status.procedure());
        model.addAttribute("mine", isServant(sheet, me));
        model.addAttribute("supervising", isSupervisor(sheet, me));
        model.addAttribute("lateness", deadlines.of(sheet.cycleId(), me).of(sheet.evaluationId(), sheet.status()));
        model.addAttribute("plan", sheet.improvementPlanRequired()
                ? plans.of(sheet.evaluationId(), sheet.servantId()).orElse(null) : null);
        Optional<List<EvaluationHistory.Entry>> steps = history.of(sheet.evaluationId());
        model.addAttribute("history", steps.orElse(List.of()));
        model.addAttribute("historyUnavailable", steps.isEmpty());
        if (!model.containsAttribute("goalsDraft")) {
            model.addAttribute("goalsDraft", GoalsInput.startingFrom(sheet.goals()));
        }
        if (!model.containsAttribute("complianceDraft")) {
            model.addAttribute("complianceDraft", ComplianceInput.startingFrom(sheet.goals(),
                    sheet.compliance(sheet.followUp())));
        }
        if (!model.containsAttribute("ratingsDraft")) {
            model.addAttribute("ratingsDraft", RatingsInput.startingFrom(sheet.competencies()));
        }
        return VIEW;
    }

    static boolean isServant(EvaluationSheet sheet, CurrentUser me) {
        return me.has("SERVANT") && me.userId().equals(sheet.servantId());
    }

    static boolean isSupervisor(EvaluationSheet sheet, CurrentUser me) {
        return me.has("SUPERVISOR") && me.userId().equals(sheet.supervisorId());
    }

    /**
     * The service refuses a step only when it is sent; a form page of the supervisor's, opened by anyone else, is
     * refused here in the same words, as the 403 page.
     */
    ApiProblem forbidden(String detailKey) {
        return new ApiProblem(403, Map.of(
                "title", messages.getMessage("error.forbidden.title", null, LocaleContextHolder.getLocale()),
                "detail", messages.getMessage(detailKey, null, LocaleContextHolder.getLocale())));
    }

    /** A form's problem shown beside its fields: the content broke a rule (422) or was malformed (400). */
    static boolean belongsToForm(ApiProblem problem) {
        return problem.status() == 400 || problem.status() == 422;
    }
}
