package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** HR opens the year's evaluation cycle: deadlines, rating scale, weights, threshold and competencies. */
@Controller
class OpenCycleForm {

    static final String VIEW = "evaluations/new-cycle";

    private final Gateway gateway;
    private final EvaluationScreen screen;
    private final MessageSource messages;
    private final Clock clock;

    OpenCycleForm(Gateway gateway, EvaluationScreen screen, MessageSource messages, Clock clock) {
        this.gateway = gateway;
        this.screen = screen;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/evaluations/cycles/new")
    String form(@ModelAttribute("me") CurrentUser me, Model model) {
        if (!me.has("HR")) {
            throw screen.forbidden("eval.forbidden.hr-only");
        }
        List<String> levels = List.of(message("eval.cycle.level.default.low"),
                message("eval.cycle.level.default.middle"), message("eval.cycle.level.default.high"));
        model.addAttribute("cycle", CycleInput.suggested(LocalDate.now(clock).getYear(), levels));
        return VIEW;
    }

    @PostMapping("/evaluations/cycles/new")
    String open(CycleInput form, Model model, RedirectAttributes redirect) {
        Map<String, Object> cycle;
        try {
            cycle = gateway.post("/api/cycles", form.json());
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("cycle", form.compacted());
            return VIEW;
        }
        redirect.addFlashAttribute("notice", "eval.notice.cycle-opened");
        return "redirect:/evaluations/cycles/" + cycle.get("cycleId");
    }

    /** One more level of the scale, keeping what was typed; nothing is sent to the API. */
    @PostMapping("/evaluations/cycles/new/levels")
    String addLevel(CycleInput form, Model model) {
        model.addAttribute("cycle", form.withOneMoreLevel());
        return VIEW;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
