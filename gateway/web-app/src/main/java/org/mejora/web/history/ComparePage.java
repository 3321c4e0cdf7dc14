package org.mejora.web.history;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two follow-up cuts of a plan side by side, as reporting compares them: actions that moved, slipped past their end,
 * were reopened or closed without an effectiveness check between the cuts; and, up to the later cut, days in each
 * status, re-plans and the on-time rate by responsible unit. A cut on a day is the end of that day in the
 * institution's zone.
 */
@Controller
class ComparePage {

    /** The default distance between the two cuts. */
    static final int DEFAULT_DAYS = 30;
    private static final List<String> STATUSES = List.of("PLANNED", "IN_PROGRESS", "IMPLEMENTED", "CLOSED",
            "NOT_IMPLEMENTED", "CANCELLED");

    private final Gateway gateway;
    private final Words words;
    private final Moments moments;

    ComparePage(Gateway gateway, Words words, Moments moments) {
        this.gateway = gateway;
        this.words = words;
        this.moments = moments;
    }

    /** An action as one of the lists names it; the fields a list does not give are null. */
    public record Row(String actionId, String label, String link, String unit, String status, String percent,
                      String fromPercent, String fromStatus, String due, String reopenedAt) {
    }

    public record DaysRow(String label, String link, List<String> days) {
    }

    public record Count(String label, String link, long count) {
    }

    public record UnitRate(String unit, long due, long onTime, String rate) {
    }

    @GetMapping("/plans/{planId}/compare")
    @SuppressWarnings("unchecked")
    String page(@PathVariable String planId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        PlanIndex index = PlanIndex.of(plan);
        LocalDate later = to != null ? to : moments.today();
        LocalDate earlier = from != null ? from : later.minusDays(DEFAULT_DAYS);
        model.addAttribute("plan", plan);
        model.addAttribute("from", earlier);
        model.addAttribute("to", later);
        model.addAttribute("today", moments.today());
        model.addAttribute("zone", moments.zone().getId());
        model.addAttribute("fromLabel", moments.format(earlier));
        model.addAttribute("toLabel", moments.format(later));
        Map<String, Object> result;
        try {
            result = gateway.get(Gateway.uri("/api/reports/plans/" + planId + "/compare", Map.of(
                    "from", cut(earlier).toString(), "to", cut(later).toString())));
        } catch (ApiProblem problem) {
            if (problem.status() == 400) {
                model.addAttribute("problem", problem);
                return "history/compare";
            }
            if (problem.status() == 404) {
                // Plan-service knows the plan: it did not exist yet at the later cut.
                model.addAttribute("notYet", true);
                return "history/compare";
            }
            throw problem;
        }
        model.addAttribute("moved", rows(result.get("moved"), index));
        model.addAttribute("slipped", rows(result.get("slipped"), index));
        model.addAttribute("reopened", rows(result.get("reopened"), index));
        model.addAttribute("unchecked", rows(result.get("closedWithoutEffectivenessCheck"), index));

        Map<String, Map<String, Object>> days = (Map<String, Map<String, Object>>) result
                .getOrDefault("daysInStatus", Map.of());
        List<String> shown = STATUSES.stream().filter(status -> days.values().stream()
                .anyMatch(byStatus -> byStatus.containsKey(status))).toList();
        NumberFormat oneDecimal = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        oneDecimal.setMaximumFractionDigits(1);
        oneDecimal.setMinimumFractionDigits(1);
        List<DaysRow> dayRows = new ArrayList<>();
        days.forEach((actionId, byStatus) -> dayRows.add(new DaysRow(label(actionId, index, null),
                link(actionId, index), shown.stream().map(status -> byStatus.get(status) instanceof Number n
                        ? oneDecimal.format(n.doubleValue()) : "—").toList())));
        model.addAttribute("statusColumns", shown.stream().map(words::status).toList());
        model.addAttribute("days", dayRows);

        List<Count> replans = new ArrayList<>();
        ((Map<String, Object>) result.getOrDefault("replanned", Map.of())).forEach((actionId, count) ->
                replans.add(new Count(label(actionId, index, null), link(actionId, index),
                        ((Number) count).longValue())));
        model.addAttribute("replanned", replans);

        List<UnitRate> units = new ArrayList<>();
        NumberFormat percent = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        ((Map<String, Map<String, Object>>) result.getOrDefault("onTimeByResponsibleUnit", new LinkedHashMap<>()))
                .forEach((unit, rate) -> units.add(new UnitRate(unit, ((Number) rate.get("due")).longValue(),
                        ((Number) rate.get("onTime")).longValue(),
                        percent.format(new BigDecimal(rate.get("rate").toString()).setScale(2, RoundingMode.HALF_UP)))));
        model.addAttribute("units", units);
        return "history/compare";
    }

    /** The end of that day, or now for today: a cut is what had happened, never time still to come. */
    private Instant cut(LocalDate day) {
        Instant end = moments.endOf(day);
        Instant now = moments.now();
        return end.isAfter(now) ? now : end;
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(Object list, PlanIndex index) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> item : list instanceof List<?> l ? (List<Map<String, Object>>) l
                : List.<Map<String, Object>>of()) {
            String actionId = (String) item.get("actionId");
            rows.add(new Row(actionId, label(actionId, index, item), link(actionId, index),
                    (String) item.get("responsibleUnit"), words.status((String) item.get("status")),
                    item.get("percent") == null ? null : item.get("percent") + " %",
                    item.get("fromPercent") == null ? null : item.get("fromPercent") + " %",
                    words.status((String) item.get("fromStatus")),
                    item.get("dueOn") == null ? null : moments.format(LocalDate.parse((String) item.get("dueOn"))),
                    item.get("reopenedAt") == null ? null : moments.format(Instant.parse((String) item.get("reopenedAt")))));
        }
        return rows;
    }

    private static String label(String actionId, PlanIndex index, Map<String, Object> item) {
        String fallback = item == null ? actionId : PlanIndex.label(item.get("number"), item.get("name"));
        return index.actionLabel(actionId, fallback);
    }

    private static String link(String actionId, PlanIndex index) {
        return index.action(actionId) == null ? null : "/plans/" + index.planId() + "/actions/" + actionId;
    }
}
