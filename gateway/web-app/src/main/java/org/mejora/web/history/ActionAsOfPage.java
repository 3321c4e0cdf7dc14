package org.mejora.web.history;

import org.mejora.web.actions.Timeline;
import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Time travel: one action exactly as it stood at a moment the user picks, with its history up to then. */
@Controller
class ActionAsOfPage {

    private final Gateway gateway;
    private final Words words;
    private final Moments moments;
    private final HistoryLines lines;

    ActionAsOfPage(Gateway gateway, Words words, Moments moments, HistoryLines lines) {
        this.gateway = gateway;
        this.words = words;
        this.moments = moments;
        this.lines = lines;
    }

    @GetMapping("/plans/{planId}/actions/{actionId}/as-of")
    @SuppressWarnings("unchecked")
    String page(@PathVariable String planId, @PathVariable String actionId, @RequestParam(required = false) String at,
                Model model) {
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        PlanIndex index = PlanIndex.of(plan);
        model.addAttribute("plan", plan);
        model.addAttribute("actionId", actionId);
        model.addAttribute("current", index.action(actionId));
        Instant moment = TimeTravel.moment(at, moments, words, model);
        if (moment == null) {
            return "history/action-as-of";
        }
        Map<String, Object> document;
        try {
            document = gateway.get(Gateway.uri("/api/reports/plans/" + planId + "/as-of",
                    Map.of("at", moment.toString())));
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            document = Map.of();
        }
        List<Map<String, Object>> findings = (List<Map<String, Object>>) document.getOrDefault("findings", List.of());
        Map<String, Object> finding = findings.stream().filter(f -> actionsOf(f).anyMatch(a -> isIt(a, actionId)))
                .findFirst().orElse(null);
        Map<String, Object> state = Stream.concat(findings.stream().flatMap(ActionAsOfPage::actionsOf),
                        ((List<Map<String, Object>>) document.getOrDefault("actionsWithoutFinding", List.of())).stream())
                .filter(a -> isIt(a, actionId)).findFirst().orElse(null);
        if (state == null) {
            model.addAttribute("notYet", true);
            return "history/action-as-of";
        }
        model.addAttribute("then", AsOf.action(state, words, moment.atZone(moments.zone()).toLocalDate()));
        model.addAttribute("finding", finding);
        model.addAttribute("start", words.period((String) state.get("start")));
        // Reporting keeps signatures apart, by the step they sign.
        model.addAttribute("verifier", state.get("signatures") instanceof Map<?, ?> signatures
                ? signatures.get("verifier") : null);
        Map<String, Object> history = gateway.get(Gateway.uri("/api/reports/history/actions/" + actionId,
                Map.of("to", moment.toString(), "size", 200)));
        List<Map<String, Object>> entries = (List<Map<String, Object>>) history.getOrDefault("items", List.of());
        long total = history.get("total") instanceof Number n ? n.longValue() : entries.size();
        model.addAttribute("timeline", new Timeline(true, lines.of(entries, index), total, false, false, null));
        return "history/action-as-of";
    }

    @SuppressWarnings("unchecked")
    private static Stream<Map<String, Object>> actionsOf(Map<String, Object> finding) {
        return ((List<Map<String, Object>>) finding.getOrDefault("actions", List.of())).stream();
    }

    private static boolean isIt(Map<String, Object> action, String actionId) {
        return actionId.equals(action.get("actionId"));
    }
}
