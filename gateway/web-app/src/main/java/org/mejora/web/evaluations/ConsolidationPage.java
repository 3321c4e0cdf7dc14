package org.mejora.web.evaluations;

import org.mejora.web.api.Download;
import org.mejora.web.api.Gateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mejora.web.evaluations.Values.map;
import static org.mejora.web.evaluations.Values.maps;
import static org.mejora.web.evaluations.Values.number;
import static org.mejora.web.evaluations.Values.text;

/**
 * HR's consolidation (P-TH-10 activities 7, 11 and 16): a stage's report, who is where and who is late, or the
 * year's results; charts of the scores by level, the late steps and who needs an individual improvement plan (from
 * reporting's evaluation dashboard); the report as the XLSX reporting produces, passed through.
 */
@Controller
class ConsolidationPage {

    static final String YEAR = "YEAR";
    private static final Set<String> STAGES = Set.of("FORMULATION", "SELF_EVALUATION_I", "SELF_EVALUATION_II", YEAR);

    private final Gateway gateway;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    ConsolidationPage(Gateway gateway, MessageSource messages, JsonMapper json, Clock clock) {
        this.gateway = gateway;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** A late step as the dashboard lists it. */
    public record LateStep(String evaluationId, String servantName, String supervisorName, Status status,
                           String stage, String deadline, long daysLate) {
    }

    /** A servant who needs an individual plan, and the plans plan-service opened for them with their progress. */
    public record PlanNeeded(String evaluationId, String servantName, String ratingLevel, String finalScore,
                             List<IndividualPlans.Progress> plans) {
    }

    /** A servant in a stage's report: done when past every step of the stage, late when not done after its deadline. */
    public record StageRow(String evaluationId, String servantName, String supervisorName, Status status,
                           boolean done, boolean late) {
    }

    /** A servant in the year's results. */
    public record YearRow(String evaluationId, String servantName, String supervisorName, Status status,
                          String goalsScore, String competenciesScore, String finalScore, String ratingLevel,
                          boolean improvementPlanRequired) {
    }

    @GetMapping("/evaluations/cycles/{cycleId}/consolidation")
    String consolidation(@PathVariable String cycleId, @RequestParam(defaultValue = "FORMULATION") String stage,
                         Model model) {
        String shown = STAGES.contains(stage) ? stage : "FORMULATION";
        CycleSummary cycle = CycleSummary.of(gateway.get("/api/cycles/{id}", cycleId));
        Map<String, Object> dashboard = gateway.get("/api/reports/dashboards/evaluations?cycleId={id}&today={today}&size=" + Gateway.PAGE_SIZE,
                cycleId, LocalDate.now(clock));
        List<LateStep> late = maps(dashboard.get("lateSteps")).stream()
                .map(step -> new LateStep(text(step.get("evaluationId")), text(step.get("servantName")),
                        text(step.get("supervisorName")), Status.of(step.get("status")), text(step.get("stage")),
                        text(step.get("deadline")), ((Number) step.get("daysLate")).longValue()))
                .toList();
        Map<String, Object> scores = map(dashboard.get("scoreDistribution"));
        model.addAttribute("cycle", cycle);
        model.addAttribute("stage", shown);
        model.addAttribute("stages", List.of("FORMULATION", "SELF_EVALUATION_I", "SELF_EVALUATION_II", YEAR));
        model.addAttribute("scoresChart", Chart.of(cycle.scale().stream()
                .map(level -> new Chart.Bar(level.name(), count(scores.get(level.name())))).toList(), json));
        model.addAttribute("lateChart", Chart.of(Status.STAGES.stream()
                .map(s -> new Chart.Bar(message("eval.stage." + s),
                        late.stream().filter(step -> s.equals(step.stage())).count())).toList(), json));
        model.addAttribute("late", YEAR.equals(shown) ? late
                : late.stream().filter(step -> shown.equals(step.stage())).toList());
        model.addAttribute("plansNeeded", maps(dashboard.get("improvementPlans")).stream()
                .map(row -> new PlanNeeded(text(row.get("evaluationId")), text(row.get("servantName")),
                        text(row.get("ratingLevel")), number(row.get("finalScore")),
                        maps(row.get("plans")).stream().map(plan -> new IndividualPlans.Progress(
                                text(plan.get("planId")), null, text(plan.get("status")),
                                (int) count(plan.get("actions")), Math.round(((Number) plan.getOrDefault(
                                        "averagePercent", 0)).doubleValue()), count(plan.get("implemented"))))
                                .toList()))
                .toList());
        if (YEAR.equals(shown)) {
            Map<String, Object> year = gateway.get("/api/cycles/{id}/results", cycleId);
            model.addAttribute("year", year);
            model.addAttribute("rows", maps(year.get("servants")).stream()
                    .map(row -> new YearRow(text(row.get("evaluationId")), text(row.get("servantName")),
                            text(row.get("supervisorName")), Status.of(row.get("status")),
                            number(row.get("goalsScore")), number(row.get("competenciesScore")),
                            number(row.get("finalScore")), text(row.get("ratingLevel")),
                            Boolean.TRUE.equals(row.get("improvementPlanRequired"))))
                    .toList());
        } else {
            Map<String, Object> report = gateway.get("/api/cycles/{id}/consolidation?stage={stage}", cycleId, shown);
            Map<String, Object> byStatus = map(report.get("byStatus"));
            model.addAttribute("report", report);
            model.addAttribute("rows", maps(report.get("servants")).stream()
                    .map(row -> new StageRow(text(row.get("evaluationId")), text(row.get("servantName")),
                            text(row.get("supervisorName")), Status.of(row.get("status")),
                            Boolean.TRUE.equals(row.get("done")), Boolean.TRUE.equals(row.get("late"))))
                    .toList());
            model.addAttribute("statusChart", Chart.of(Status.procedure().stream()
                    .filter(status -> byStatus.containsKey(status.name()))
                    .map(status -> new Chart.Bar(message("eval.status." + status.name()),
                            count(byStatus.get(status.name())))).toList(), json));
        }
        return "evaluations/consolidation";
    }

    /** HR consolidates the year; servants under the threshold then get their individual plan from plan-service. */
    @PostMapping("/evaluations/cycles/{cycleId}/consolidate")
    String consolidate(@PathVariable String cycleId, RedirectAttributes redirect) {
        gateway.post("/api/cycles/{id}/consolidate", Map.of(), cycleId);
        redirect.addFlashAttribute("notice", "eval.notice.year-consolidated");
        return "redirect:/evaluations/cycles/" + cycleId + "/consolidation?stage=" + YEAR;
    }

    /** The "reporte Excel del sistema" of the stage or the year, as reporting writes it, in the user's language. */
    @GetMapping("/evaluations/cycles/{cycleId}/consolidation.xlsx")
    ResponseEntity<byte[]> download(@PathVariable String cycleId, @RequestParam(defaultValue = YEAR) String stage) {
        Download file = gateway.download("/api/reports/cycles/{id}/exports/consolidation.xlsx?stage={stage}",
                cycleId, stage);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.parseMediaType(
                file.contentType()));
        if (file.contentDisposition() != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition());
        }
        return response.body(file.content());
    }

    private static long count(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
