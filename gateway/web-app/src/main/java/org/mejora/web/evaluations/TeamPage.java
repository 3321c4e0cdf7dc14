package org.mejora.web.evaluations;

import org.mejora.web.config.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;

/**
 * "Mi equipo": the supervisor's inbox, the servants assigned to them whose evaluation waits on them (approve,
 * reject or modify; rate competencies), late ones first, and the rest of the team with where each stands.
 */
@Controller
class TeamPage {

    private final MyEvaluations evaluations;
    private final EvaluationScreen screen;

    TeamPage(MyEvaluations evaluations, EvaluationScreen screen) {
        this.evaluations = evaluations;
        this.screen = screen;
    }

    @GetMapping("/evaluations/team")
    String team(@ModelAttribute("me") CurrentUser me, Model model) {
        if (!me.has("SUPERVISOR")) {
            throw screen.forbidden("eval.forbidden.supervisor-only");
        }
        List<EvaluationRow> team = evaluations.of(me).stream()
                .filter(row -> me.userId().equals(row.supervisorId()))
                .toList();
        model.addAttribute("waiting", team.stream().filter(row -> row.status().waitsOnSupervisor())
                .sorted(Comparator.comparing(EvaluationRow::late).reversed()).toList());
        model.addAttribute("others", team.stream().filter(row -> !row.status().waitsOnSupervisor()).toList());
        return "evaluations/team";
    }
}
