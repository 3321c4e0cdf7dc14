package org.mejora.reporting.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.ServantResults;
import org.mejora.evaluation.api.Stage;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.api.state.InstitutionTime;
import org.mejora.reporting.state.Snapshots;
import org.mejora.reporting.web.Access;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Dashboards for front ends: the state of an institution's plans and evaluation cycles, as JSON. */
@RestController
@RequestMapping("/api/reports/dashboards")
@Tag(name = "Dashboards", description = "Tableros / dashboards")
@Timed("mejora.reporting.http")
class DashboardController {

    private static final int DUE_SOON_DAYS = 30;

    private final Snapshots snapshots;
    private final Clock clock;

    DashboardController(Snapshots snapshots, Clock clock) {
        this.clock = clock;
        this.snapshots = snapshots;
    }

    @GetMapping(value = "/plans", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tablero de planes / plans dashboard",
            description = "Per institution and optionally one plan: actions by status, progress distribution "
                    + "(0/25/50/75/100 %), overdue and due-soon actions, compliance and effectiveness rates, by "
                    + "responsible unit, by CAF criterion and by evaluation factor. today defaults to the "
                    + "institution's day (America/Bogota). The overdue and dueSoon lists are paged together by page "
                    + "(from 0) and size (1-200, 50 by default); overdueCount and dueSoonCount are their totals.")
    ResponseEntity<String> plans(@RequestParam(required = false) String institutionId,
                                 @RequestParam(required = false) String planId,
                                 @RequestParam(required = false) LocalDate today,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        PageRequest asked = PageRequest.of(page, size);
        String institution = institutionId == null ? user.institutionId() : institutionId;
        Access.reports(user, institution);
        LocalDate day = today == null ? InstitutionTime.today(clock) : today;
        Map<String, Snapshots.EntityRow> findings = snapshots.ofInstitution(institution, "Finding").stream()
                .collect(Collectors.toMap(Snapshots.EntityRow::id, Function.identity()));
        List<ActionFacts> actions = snapshots.ofInstitution(institution, "Action").stream()
                .filter(action -> planId == null || planId.equals(action.rootId()))
                .filter(action -> !action.removed())
                .map(action -> ActionFacts.of(action, findings))
                .toList();

        ObjectNode dashboard = JsonNodeFactory.instance.objectNode()
                .put("institutionId", institution).put("planId", planId).put("today", day.toString())
                .put("page", asked.page()).put("size", asked.size());
        summarize(dashboard, actions, day);
        ArrayNode overdue = dashboard.putArray("overdue");
        pageOf(actions.stream().filter(a -> a.overdue(day)).toList(), asked).forEach(a -> overdue.add(a.summary()));
        List<ActionFacts> dueSoon = actions.stream().filter(a -> a.dueWithin(day, DUE_SOON_DAYS)).toList();
        dashboard.put("dueSoonCount", dueSoon.size());
        ArrayNode dueSoonPage = dashboard.putArray("dueSoon");
        pageOf(dueSoon, asked).forEach(a -> dueSoonPage.add(a.summary()));
        group(dashboard.putObject("byResponsibleUnit"), actions, ActionFacts::unit, day);
        group(dashboard.putObject("byCafCriterion"), actions, ActionFacts::criterion, day);
        group(dashboard.putObject("byEvaluationFactor"), actions, ActionFacts::factor, day);
        return ResponseEntity.ok(dashboard.toString());
    }

    @GetMapping(value = "/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tablero de evaluación / evaluation dashboard",
            description = "Per institution and optionally one cycle: evaluations per stage and step, late steps "
                    + "(past their stage's deadline), score distribution per rating level, and who needs an "
                    + "individual improvement plan with that plan's progress. The lateSteps and improvementPlans "
                    + "lists are paged together by page (from 0) and size (1-200, 50 by default); lateStepsCount and "
                    + "improvementPlansCount are their totals.")
    ResponseEntity<String> evaluations(@RequestParam(required = false) String institutionId,
                                       @RequestParam(required = false) String cycleId,
                                       @RequestParam(required = false) LocalDate today,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        PageRequest asked = PageRequest.of(page, size);
        String institution = institutionId == null ? user.institutionId() : institutionId;
        if (!user.canRead(institution)) {
            throw ReportProblem.forbidden();
        }
        ServantResults.Reader reader = Access.servantResults(user, institution);
        LocalDate day = today == null ? InstitutionTime.today(clock) : today;
        Map<String, JsonNode> cycles = snapshots.ofInstitution(institution, "EvaluationCycle").stream()
                .collect(Collectors.toMap(Snapshots.EntityRow::id, Snapshots.EntityRow::state));
        List<Snapshots.EntityRow> evaluations = snapshots.ofInstitution(institution, "Evaluation").stream()
                .filter(e -> cycleId == null || cycleId.equals(e.text("cycleId")))
                .filter(e -> e.text("status") != null)
                // Counted only where ServantResults counts the servant for this reader; named only where it shows
                // their results (the servant, their supervisor, HR, AUDITOR).
                .filter(e -> Access.servantResult(reader, institution, e.state()).counted())
                .toList();
        Predicate<Snapshots.EntityRow> named =
                e -> Access.servantResult(reader, institution, e.state()) == ServantResults.Visibility.RESULTS;

        ObjectNode dashboard = JsonNodeFactory.instance.objectNode()
                .put("institutionId", institution).put("cycleId", cycleId).put("today", day.toString())
                .put("evaluations", evaluations.size()).put("page", asked.page()).put("size", asked.size());
        dashboard.set("byStage", count(evaluations, e -> stageOf(e.text("status"))));
        dashboard.set("byStep", count(evaluations, e -> e.text("status")));
        ArrayNode late = dashboard.putArray("lateSteps");
        long lateCount = 0;
        for (Snapshots.EntityRow evaluation : evaluations) {
            String stage = stageOf(evaluation.text("status"));
            LocalDate deadline = deadline(cycles.get(evaluation.text("cycleId")), stage);
            if (deadline != null && day.isAfter(deadline) && named.test(evaluation) && within(lateCount++, asked)) {
                late.addObject().put("evaluationId", evaluation.id())
                        .put("servantId", evaluation.text("servantId"))
                        .put("servantName", evaluation.text("servantName"))
                        .put("supervisorName", evaluation.text("supervisorName"))
                        .put("status", evaluation.text("status")).put("stage", stage)
                        .put("deadline", deadline.toString())
                        .put("daysLate", ChronoUnit.DAYS.between(deadline, day));
            }
        }
        dashboard.put("lateStepsCount", lateCount);
        dashboard.set("scoreDistribution", count(evaluations.stream().filter(e -> e.text("ratingLevel") != null)
                .toList(), e -> e.text("ratingLevel")));
        dashboard.put("improvementPlansRequired", evaluations.stream()
                .filter(e -> e.state().path("improvementPlanRequired").asBoolean(false)).count());
        ArrayNode plans = dashboard.putArray("improvementPlans");
        List<Snapshots.EntityRow> individualPlans = snapshots.ofInstitution(institution, "Plan").stream()
                .filter(p -> p.state().path("individual").hasNonNull("evaluationId")).toList();
        List<Snapshots.EntityRow> needingPlans = evaluations.stream().filter(named)
                .filter(e -> e.state().path("improvementPlanRequired").asBoolean(false)).toList();
        dashboard.put("improvementPlansCount", needingPlans.size());
        pageOf(needingPlans, asked).forEach(e -> {
            ObjectNode row = plans.addObject().put("evaluationId", e.id())
                    .put("servantId", e.text("servantId")).put("servantName", e.text("servantName"))
                    .put("ratingLevel", e.text("ratingLevel"));
            row.set("finalScore", e.state().get("finalScore"));
            // plan-service opens one plan per evaluation; every plan linked to it is listed, none is guessed.
            ArrayNode linked = row.putArray("plans");
            individualPlans.stream()
                    .filter(p -> e.id().equals(p.state().path("individual").path("evaluationId").asText()))
                    .forEach(plan -> {
                        List<ActionFacts> actions = snapshots.current("Plan", plan.id()).stream()
                                .filter(a -> a.type().equals("Action") && !a.removed())
                                .map(a -> ActionFacts.of(a, Map.of())).toList();
                        linked.addObject().put("planId", plan.id()).put("status", plan.text("status"))
                                .put("actions", actions.size())
                                .put("averagePercent", average(actions))
                                .put("implemented", actions.stream().filter(a -> !a.open()).count());
                    });
        });
        return ResponseEntity.ok(dashboard.toString());
    }

    private static <T> List<T> pageOf(List<T> all, PageRequest page) {
        return Page.of(all, page).items();
    }

    private static boolean within(long index, PageRequest page) {
        return index >= page.offset() && index < page.offset() + page.size();
    }

    private static String stageOf(String status) {
        try {
            Stage stage = EvaluationStatus.valueOf(status).stage();
            return stage == null ? "COMPLETE" : stage.name();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "UNKNOWN";
        }
    }

    private static LocalDate deadline(JsonNode cycle, String stage) {
        if (cycle == null) {
            return null;
        }
        for (JsonNode deadline : cycle.path("stages")) {
            if (stage.equals(deadline.path("stage").asText()) && deadline.hasNonNull("deadline")) {
                return LocalDate.parse(deadline.get("deadline").asText());
            }
        }
        return null;
    }

    private static void summarize(ObjectNode node, List<ActionFacts> actions, LocalDate day) {
        node.put("actions", actions.size());
        node.set("byStatus", count(actions, ActionFacts::status));
        ObjectNode progress = node.putObject("progress");
        for (int bucket = 0; bucket <= 100; bucket += 25) {
            int b = bucket;
            progress.put(String.valueOf(bucket), actions.stream().filter(a -> a.bucket() == b).count());
        }
        node.put("averagePercent", average(actions));
        node.put("overdueCount", actions.stream().filter(a -> a.overdue(day)).count());
        List<ActionFacts> verified = actions.stream().filter(ActionFacts::verified).toList();
        node.put("verified", verified.size());
        node.put("complianceRate", rate(verified, ActionFacts::compliant));
        node.put("effectivenessRate", rate(verified, ActionFacts::effective));
    }

    private static void group(ObjectNode into, List<ActionFacts> actions, Function<ActionFacts, String> key,
                              LocalDate day) {
        actions.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
                .forEach((name, members) -> summarize(into.putObject(name), members, day));
    }

    private static <T> ObjectNode count(List<T> items, Function<T, String> key) {
        ObjectNode counts = JsonNodeFactory.instance.objectNode();
        items.stream().collect(Collectors.groupingBy(item -> Objects.requireNonNullElse(key.apply(item), "—"),
                        TreeMap::new, Collectors.counting()))
                .forEach(counts::put);
        return counts;
    }

    private static BigDecimal rate(List<ActionFacts> of, Predicate<ActionFacts> which) {
        if (of.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(of.stream().filter(which).count())
                .divide(BigDecimal.valueOf(of.size()), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(List<ActionFacts> actions) {
        if (actions.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(actions.stream().mapToInt(ActionFacts::percent).sum())
                .divide(BigDecimal.valueOf(actions.size()), 1, RoundingMode.HALF_UP);
    }
}
