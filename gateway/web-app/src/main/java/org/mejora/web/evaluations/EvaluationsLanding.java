package org.mejora.web.evaluations;

import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * The evaluation's first page, by role: a servant's own evaluations, a supervisor's team waiting on them, the
 * cycles for HR and auditors. A person with several roles sees each part.
 */
@Controller
class EvaluationsLanding {

    private final Gateway gateway;
    private final MyEvaluations evaluations;

    EvaluationsLanding(Gateway gateway, MyEvaluations evaluations) {
        this.gateway = gateway;
        this.evaluations = evaluations;
    }

    @GetMapping("/evaluations")
    String landing(@ModelAttribute("me") CurrentUser me, Model model) {
        List<EvaluationRow> mine = me.has("SERVANT", "SUPERVISOR") ? evaluations.of(me) : List.of();
        model.addAttribute("own", mine.stream().filter(row -> me.userId().equals(row.servantId())).toList());
        model.addAttribute("waiting", mine.stream()
                .filter(row -> me.userId().equals(row.supervisorId()) && row.status().waitsOnSupervisor())
                .toList());
        model.addAttribute("team", mine.stream().filter(row -> me.userId().equals(row.supervisorId())).count());
        model.addAttribute("cycles", me.has("HR", "AUDITOR") ? CycleSummary.all(gateway.list("/api/cycles"))
                : List.of());
        return "evaluations/landing";
    }
}
