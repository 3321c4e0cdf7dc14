package org.mejora.web.actions;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.mejora.web.history.HistoryLines;
import org.mejora.web.history.Moments;
import org.mejora.web.history.PlanIndex;
import org.mejora.web.history.Words;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The action page: what the action is, where it stands, the follow-up steps this user may take now, and its
 * history as a timeline (reporting's, so it may trail a write by a moment).
 */
@Controller
class ActionPage {

    /** How many times a lagging timeline reloads itself, a second apart, before it waits for the user. */
    static final int REFRESHES = 5;
    static final int TIMELINE_SIZE = 200;

    /** The events behind the follow-ups plan-service lists on the action: one each. */
    private static final Set<String> FOLLOW_UP_EVENTS = Set.of("ActionProgressRecorded", "ActionImplemented",
            "ActionVerified", "ActionClosed", "ActionReopened", "ActionMarkedNotImplemented", "ActionCancelled");

    private final Gateway gateway;
    private final HistoryLines lines;
    private final Words words;
    private final Moments moments;

    ActionPage(Gateway gateway, HistoryLines lines, Words words, Moments moments) {
        this.gateway = gateway;
        this.lines = lines;
        this.words = words;
        this.moments = moments;
    }

    @GetMapping("/plans/{planId}/actions/{actionId}")
    String page(@PathVariable String planId, @PathVariable String actionId, @ModelAttribute("me") CurrentUser me,
                Model model) {
        render(model, planId, actionId, me);
        return "actions/action";
    }

    /** The timeline alone, for htmx to swap in while reporting catches up. */
    @GetMapping("/plans/{planId}/actions/{actionId}/timeline")
    String timeline(@PathVariable String planId, @PathVariable String actionId,
                    @RequestParam(defaultValue = "1") int attempt, @ModelAttribute("me") CurrentUser me, Model model) {
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        Map<String, Object> action = found(plan, actionId).action();
        model.addAttribute("timeline", timeline(plan, action, attempt, readsHistory(me)));
        // Its reload link leads to the page, not to this fragment.
        model.addAttribute("requestPath", "/plans/" + planId + "/actions/" + actionId);
        return "actions/timeline :: timeline";
    }

    /** Everything the page shows; a form that failed has put its own values and problem in the model already. */
    void render(Model model, String planId, String actionId, CurrentUser me) {
        ResponseEntity<Map<String, Object>> versioned = gateway.getVersioned("/api/plans/{id}", planId);
        Map<String, Object> plan = versioned.getBody();
        Found found = found(plan, actionId);
        Map<String, Object> action = found.action();
        boolean owns = me.has("PLAN_OWNER", "ADMIN") || ActionScreen.ownsIndividualPlan(me, plan);
        ActionScreen screen = new ActionScreen(plan, found.finding(), action, versioned.getHeaders().getETag(),
                words.status((String) action.get("status")), words.status("Plan", (String) plan.get("status")),
                new ActionScreen.Dates(words.period((String) action.get("start")),
                        words.period((String) action.get("end")), words.period((String) action.get("dueDate")),
                        action.get("verifiedBy") instanceof Map<?, ?> verifier
                                ? words.period((String) verifier.get("date")) : null),
                owns, owns || me.has("PLAN_APPROVER"), me.has("PLAN_REVIEWER", "ADMIN"), readsHistory(me));
        model.addAttribute("screen", screen);
        model.addAttribute("timeline", timeline(plan, action, 0, screen.readsHistory()));
        model.addAttribute("today", moments.today());
        defaults(model, screen);
    }

    private static void defaults(Model model, ActionScreen screen) {
        if (!model.containsAttribute("progress")) {
            model.addAttribute("progress", new FollowUpForms.Progress(screen.percent(), null, null, null, null));
        }
        if (!model.containsAttribute("implementation")) {
            model.addAttribute("implementation", new FollowUpForms.Implementation(null, null, null));
        }
        if (!model.containsAttribute("verification")) {
            model.addAttribute("verification", new FollowUpForms.Verification(null, null, null));
        }
        if (!model.containsAttribute("reopening")) {
            model.addAttribute("reopening", new FollowUpForms.Reason(null));
        }
        if (!model.containsAttribute("nonImplementation")) {
            model.addAttribute("nonImplementation", new FollowUpForms.Justification(null));
        }
        if (!model.containsAttribute("cancellation")) {
            model.addAttribute("cancellation", new FollowUpForms.Justification(null));
        }
    }

    @SuppressWarnings("unchecked")
    private Timeline timeline(Map<String, Object> plan, Map<String, Object> action, int attempt, boolean readable) {
        if (!readable) {
            return Timeline.unavailable();
        }
        String actionId = (String) action.get("actionId");
        String refresh = attempt < REFRESHES
                ? Gateway.uri("/plans/" + plan.get("planId") + "/actions/" + actionId + "/timeline",
                Map.of("attempt", attempt + 1)) : null;
        List<Map<String, Object>> entries;
        long total;
        try {
            Map<String, Object> page = gateway.get(Gateway.uri("/api/reports/history/actions/" + actionId,
                    Map.of("size", TIMELINE_SIZE)));
            entries = (List<Map<String, Object>>) page.getOrDefault("items", List.of());
            total = page.get("total") instanceof Number n ? n.longValue() : entries.size();
        } catch (ApiProblem problem) {
            if (problem.status() == 403) {
                return Timeline.unavailable();
            }
            if (problem.status() >= 500) {
                // The action's own page does not depend on reporting: say so and try again in a moment.
                return new Timeline(true, List.of(), 0, false, true, refresh);
            }
            if (problem.status() != 404) {
                throw problem;
            }
            // Reporting has not seen the action yet: nothing to show, but it will.
            entries = List.of();
            total = 0;
        }
        long seen = entries.stream().filter(e -> FOLLOW_UP_EVENTS.contains(e.get("eventType"))).count();
        int followUps = action.get("followUpCount") instanceof Number n ? n.intValue() : 0;
        boolean lagging = entries.isEmpty() || seen < followUps;
        return new Timeline(true, lines.of(entries, PlanIndex.of(plan)), total, lagging, false,
                lagging ? refresh : null);
    }

    static boolean readsHistory(CurrentUser me) {
        return me.has("AUDITOR", "ADMIN", "PLAN_OWNER", "PLAN_REVIEWER", "PLAN_APPROVER", "HR");
    }

    @SuppressWarnings("unchecked")
    private static Found found(Map<String, Object> plan, String actionId) {
        for (Map<String, Object> finding : (List<Map<String, Object>>) plan.getOrDefault("findings", List.of())) {
            for (Map<String, Object> action : (List<Map<String, Object>>) finding.getOrDefault("actions", List.of())) {
                if (actionId.equals(action.get("actionId"))) {
                    return new Found(finding, action);
                }
            }
        }
        throw new ApiProblem(404, Map.of("detail", "action " + actionId));
    }

    private record Found(Map<String, Object> finding, Map<String, Object> action) {
    }
}
