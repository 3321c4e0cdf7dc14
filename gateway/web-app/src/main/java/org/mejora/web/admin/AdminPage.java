package org.mejora.web.admin;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.util.Map;

/**
 * The platform administrator's page: rebuild every reporting projection from the topics and watch it (htmx asks
 * for the progress every second until the rebuild has finished), then compare the checksums. The gateway and
 * reporting-service answer only PLATFORM_ADMIN (an institution's ADMIN is not enough: a rebuild spans every
 * institution); anyone else gets their refusal as the 403 page, and the page offers its controls to no one else.
 */
@Controller
class AdminPage {

    private final Gateway gateway;
    private final Clock clock;

    AdminPage(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("rebuild", current());
        // What ingestion could not apply: counts by kind and the open problems, as reporting lists them.
        model.addAttribute("ingestion", gateway.get("/api/reports/admin/ingestion-problems"));
        return "admin/admin";
    }

    /** Starts a rebuild; if one is running, reporting answers with that one. */
    @PostMapping("/admin/rebuilds")
    String start() {
        gateway.post("/api/reports/rebuilds", Map.of());
        return "redirect:/admin#rebuild";
    }

    /** The progress fragment the page polls. */
    @GetMapping("/admin/rebuilds/current")
    String progress(Model model) {
        model.addAttribute("rebuild", current());
        return "admin/admin :: rebuild-progress";
    }

    /** Null before the first rebuild since reporting started (its 404). */
    private Rebuild current() {
        try {
            return Rebuild.of(gateway.get("/api/reports/rebuilds/current"), clock.getZone());
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }
}
