package org.mejora.web.notifications;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's notifications (reminders of due and overdue actions, verifications waiting, evaluation
 * steps), newest first, each with a link to its page; the unread badge of the header; and the user's preferences
 * (language of the mails, daily digests on or off; overdue notices always come).
 */
@Controller
class NotificationsPage {

    static final int SIZE = 20;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Gateway gateway;
    private final Clock clock;

    NotificationsPage(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int asked = Math.max(page, 0);
        Map<String, Object> answer = gateway.page("/api/reports/notifications", asked, SIZE);
        long total = answer.get("total") instanceof Number number ? number.longValue() : 0;
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> item : Gateway.items(answer)) {
            Map<String, Object> shown = new LinkedHashMap<>(item);
            shown.put("when", WHEN.format(Instant.parse(String.valueOf(item.get("createdAt"))).atZone(clock.getZone())));
            items.add(shown);
        }
        model.addAttribute("items", items);
        model.addAttribute("page", asked);
        model.addAttribute("total", total);
        model.addAttribute("last", (asked + 1L) * SIZE >= total);
        model.addAttribute("unread", unread());
        return "notifications/notifications";
    }

    /** Marks one read; with {@code open} the user goes on to its page (a path of this web app). */
    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @RequestParam(required = false) String open) {
        gateway.post("/api/reports/notifications/{id}/read", Map.of(), id);
        if (open != null && open.startsWith("/") && !open.startsWith("//")) {
            return "redirect:" + open;
        }
        return "redirect:/notifications";
    }

    /** The header's badge, loaded by htmx after the page so that no page waits for reporting. */
    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unread", unread());
        return "notifications/notifications :: badge";
    }

    @GetMapping("/notifications/preferences")
    String preferences(@RequestParam(required = false) String saved, Model model) {
        model.addAttribute("preferences", gateway.get("/api/reports/notifications/preferences"));
        model.addAttribute("saved", saved != null);
        return "notifications/preferences";
    }

    @PostMapping("/notifications/preferences")
    String prefer(@RequestParam String language, @RequestParam(required = false) String digests) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", language);
        body.put("digests", digests != null);
        gateway.put("/api/reports/notifications/preferences", body);
        return "redirect:/notifications/preferences?saved";
    }

    /** Zero when reporting cannot say: the badge never breaks a page. */
    private long unread() {
        try {
            Object unread = gateway.get("/api/reports/notifications/unread-count").get("unread");
            return unread instanceof Number number ? number.longValue() : 0;
        } catch (ApiProblem | org.springframework.web.client.RestClientException unavailable) {
            return 0;
        }
    }
}
