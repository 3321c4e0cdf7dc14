package org.mejora.web.dashboards;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Screen 8, oversight: several institutions' dashboards side by side. The API lists no institutions, so the user
 * names them; the list lives in the query string ({@code ?institution=a&institution=b}), a link to keep or share.
 */
@Controller
class OversightPage {

    /** Institution ids as the identity server issues them. */
    private static final Pattern INSTITUTION = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Gateway gateway;
    private final MessageSource messages;
    private final Clock clock;

    OversightPage(Gateway gateway, MessageSource messages, Clock clock) {
        this.gateway = gateway;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/oversight")
    String oversight(@RequestParam(name = "institution", required = false) List<String> named,
                     @RequestParam(required = false) String add, @ModelAttribute("me") CurrentUser me,
                     Locale locale, Model model) {
        Texts texts = new Texts(messages, locale);
        if (!me.has("OVERSIGHT")) {
            throw new ApiProblem(403, Map.of("detail", texts.get("insights.oversight.only")));
        }
        Set<String> institutions = new LinkedHashSet<>();
        if (named != null) {
            named.stream().map(String::trim).filter(INSTITUTION.asMatchPredicate()).forEach(institutions::add);
        }
        if (add != null && !add.isBlank()) {
            if (INSTITUTION.matcher(add.trim()).matches()) {
                institutions.add(add.trim());
                return "redirect:" + link(institutions, null);
            }
            String detail = texts.get("insights.oversight.invalid");
            model.addAttribute("problem", new ApiProblem(400, Map.of("title", texts.get("insights.oversight.add"),
                    "detail", detail, "field", "add")));
            model.addAttribute("add", add);
        }
        List<InstitutionSummary> summaries = new ArrayList<>();
        for (String institution : institutions) {
            String remove = link(institutions, institution);
            try {
                Map<String, Object> query = Map.of("institutionId", institution, "today", LocalDate.now(clock));
                Map<String, Object> plans = gateway.get(Gateway.uri("/api/reports/dashboards/plans", query));
                Map<String, Object> evaluations =
                        gateway.get(Gateway.uri("/api/reports/dashboards/evaluations", query));
                Chart byStatus = PlanDashboard.byStatus("status-" + institution,
                        PlanDashboard.map(plans.get("byStatus")), texts, new Links(null, false));
                summaries.add(InstitutionSummary.of(institution, plans, evaluations, withLinks(byStatus, institution),
                        remove));
            } catch (ApiProblem problem) {
                if (problem.status() == 401) {
                    throw problem;
                }
                summaries.add(InstitutionSummary.refused(institution, problem, remove));
            }
        }
        model.addAttribute("summaries", summaries);
        model.addAttribute("institutions", institutions);
        return "dashboards/oversight";
    }

    /** For OVERSIGHT the list behind a slice is the institution's own dashboard: plans themselves are not theirs. */
    private static Chart withLinks(Chart chart, String institution) {
        String dashboard = Gateway.uri("/dashboards", Map.of("institutionId", institution));
        return new Chart(chart.id(), chart.topic(), chart.kind(), chart.title(), chart.horizontal(), chart.series(),
                chart.columns(), chart.rows().stream().map(row -> new Chart.Row(row.label(), row.values(), row.extra(),
                dashboard)).toList());
    }

    /** This page for these institutions, without {@code except}. */
    private static String link(Set<String> institutions, String except) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/oversight");
        institutions.stream().filter(id -> !id.equals(except)).forEach(id -> uri.queryParam("institution", id));
        return uri.encode().build().toUriString();
    }
}
