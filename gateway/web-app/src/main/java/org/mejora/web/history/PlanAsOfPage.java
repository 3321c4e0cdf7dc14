package org.mejora.web.history;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Time travel: a plan with its findings and actions exactly as it stood at a moment the user picks. */
@Controller
class PlanAsOfPage {

    private final Gateway gateway;
    private final Words words;
    private final Moments moments;

    PlanAsOfPage(Gateway gateway, Words words, Moments moments) {
        this.gateway = gateway;
        this.words = words;
        this.moments = moments;
    }

    @GetMapping("/plans/{planId}/as-of")
    @SuppressWarnings("unchecked")
    String page(@PathVariable String planId, @RequestParam(required = false) String at, Model model) {
        // Plan-service answers first: another institution's plan is not found, whatever reporting holds.
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        model.addAttribute("plan", plan);
        Instant moment = TimeTravel.moment(at, moments, words, model);
        if (moment == null) {
            return "history/plan-as-of";
        }
        Map<String, Object> document;
        try {
            document = gateway.get(Gateway.uri("/api/reports/plans/" + planId + "/as-of",
                    Map.of("at", moment.toString())));
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            model.addAttribute("notYet", true);
            return "history/plan-as-of";
        }
        LocalDate day = moment.atZone(moments.zone()).toLocalDate();
        Map<String, Object> then = (Map<String, Object>) document.getOrDefault("plan", Map.of());
        List<AsOf.FindingRow> findings = new ArrayList<>();
        for (Map<String, Object> finding : (List<Map<String, Object>>) document.getOrDefault("findings", List.of())) {
            List<AsOf.ActionRow> actions = ((List<Map<String, Object>>) finding.getOrDefault("actions", List.of()))
                    .stream().map(action -> AsOf.action(action, words, day)).toList();
            findings.add(new AsOf.FindingRow((String) finding.get("findingId"), (String) finding.get("number"),
                    (String) finding.get("description"), words.status("Finding", (String) finding.get("status")),
                    actions));
        }
        List<AsOf.ActionRow> loose = ((List<Map<String, Object>>) document.getOrDefault("actionsWithoutFinding",
                List.of())).stream().map(action -> AsOf.action(action, words, day)).toList();
        model.addAttribute("then", then);
        model.addAttribute("thenStatus", words.status("Plan", (String) then.get("status")));
        model.addAttribute("findings", findings);
        model.addAttribute("loose", loose);
        return "history/plan-as-of";
    }
}
