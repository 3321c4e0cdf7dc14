package org.mejora.reporting.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionClosed;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.IndividualPlanLink;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanKind;
import org.mejora.reporting.support.EventStream;
import org.mejora.reporting.support.ReportingIT;
import org.mejora.reporting.support.SeedEvaluations;
import org.mejora.reporting.support.SeedPlans;
import org.mejora.testing.Api;
import org.mejora.testing.TopicProbe;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mejora.reporting.support.SeedPlans.day;

/** Dashboards and comparisons of follow-up cuts, computed from events fed through the real broker. */
class DashboardIT extends ReportingIT {

    @Test
    void thePlansDashboardCountsActionsByStatusProgressLatenessUnitCriterionAndFactor() {
        SeedPlans plan = publishedPlan();

        JsonNode dashboard = auditor().get("/api/reports/dashboards/plans?planId=" + plan.planId + "&today=2022-03-10")
                .json();
        assertThat(dashboard.get("actions").asInt()).isEqualTo(2);
        assertThat(dashboard.get("byStatus").get("IN_PROGRESS").asInt()).isEqualTo(2);
        assertThat(dashboard.get("progress").get("25").asInt()).isEqualTo(1);
        assertThat(dashboard.get("progress").get("100").asInt()).isEqualTo(1);
        assertThat(dashboard.get("progress").get("50").asInt()).isZero();
        assertThat(dashboard.get("overdueCount").asInt()).isEqualTo(2);
        assertThat(dashboard.get("overdue")).hasSize(2);
        // The one verified action was reopened since: its verification no longer stands, as in plan-service.
        assertThat(dashboard.get("verified").asInt()).isZero();
        assertThat(dashboard.get("complianceRate").isNull()).isTrue();
        assertThat(dashboard.get("effectivenessRate").isNull()).isTrue();
        JsonNode hacienda = dashboard.get("byResponsibleUnit").get("Secretaría de Hacienda");
        assertThat(hacienda.get("actions").asInt()).isEqualTo(1);
        assertThat(hacienda.get("averagePercent").decimalValue()).isEqualByComparingTo("25");
        assertThat(dashboard.get("byCafCriterion").has("CRITERIO 1: LIDERAZGO")).isTrue();
        assertThat(dashboard.get("byEvaluationFactor").get("Indicadores de Gestión Estratégica").get("actions")
                .asInt()).isEqualTo(2);

        JsonNode february = auditor().get("/api/reports/dashboards/plans?planId=" + plan.planId
                + "&today=2022-02-10").json();
        assertThat(february.get("dueSoon")).hasSize(1);
        assertThat(february.get("dueSoon").get(0).get("actionId").asText()).isEqualTo(plan.action1);
        assertThat(february.get("dueSoon").get(0).get("dueOn").asText()).isEqualTo("2022-02-28");

        assertThat(as("someone", "another-institution", Role.PLAN_OWNER)
                .get("/api/reports/dashboards/plans?institutionId=" + institution).status()).isEqualTo(403);
        JsonNode oversight = as("oversight", "ministry", Role.OVERSIGHT)
                .get("/api/reports/dashboards/plans?institutionId=" + institution + "&planId=" + plan.planId).json();
        assertThat(oversight.get("actions").asInt()).isEqualTo(2);
    }

    @Test
    void twoCutsShowWhatMovedSlippedAndWasReopenedAndMetricsNoSpreadsheetGives() {
        SeedPlans plan = publishedPlan();

        JsonNode cuts = auditor().get("/api/reports/plans/" + plan.planId + "/compare?from=2021-10-31&to=2022-03-10")
                .json();
        assertThat(cuts.get("moved")).hasSize(2);
        JsonNode moved = find(cuts.get("moved"), plan.action1);
        assertThat(moved.get("fromPercent").asInt()).isEqualTo(50);
        assertThat(moved.get("toPercent").asInt()).isEqualTo(100);
        assertThat(cuts.get("slipped")).hasSize(2);
        assertThat(find(cuts.get("reopened"), plan.action1).get("fromStatus").asText()).isEqualTo("CLOSED");
        assertThat(cuts.get("closedWithoutEffectivenessCheck")).isEmpty();
        assertThat(cuts.get("daysInStatus").get(plan.action1).get("PLANNED").asDouble()).isEqualTo(98.0);
        assertThat(cuts.get("daysInStatus").get(plan.action1).get("CLOSED").asDouble()).isEqualTo(18.0);
        assertThat(cuts.get("replanned").get(plan.action1).asInt()).isEqualTo(1);
        assertThat(cuts.get("onTimeByResponsibleUnit").get("Secretaría de Planeación").get("rate").decimalValue())
                .isEqualByComparingTo("1");
        assertThat(cuts.get("onTimeByResponsibleUnit").get("Secretaría de Hacienda").get("rate").decimalValue())
                .isEqualByComparingTo("0");

        assertThat(auditor().get("/api/reports/plans/" + plan.planId + "/compare?from=2022-03-10&to=2021-10-31")
                .status()).isEqualTo(400);
    }

    @Test
    void anActionClosedWithoutAnEffectivenessCheckStandsOutBetweenTwoCuts() {
        String planId = UUID.randomUUID().toString();
        String actionId = UUID.randomUUID().toString();
        EventStream stream = new EventStream("Plan", planId, institution);
        TopicProbe.publish("mejora.plan.events", List.of(
                stream.next(day("2022-01-10"), SeedPlans.OWNER, new PlanCreated(planId, institution, PlanKind.AUDIT,
                        "Plan 2022", null, null, null, null, null, null, null, "2022", null)),
                stream.next(day("2022-01-11"), SeedPlans.OWNER, new ActionAdded(planId, UUID.randomUUID().toString(),
                        actionId, new ActionDetails("1", "Actualizar el procedimiento", null, null, List.of(), null,
                        null, "Talento Humano", null, null, "2022-02", "2022-06", 4, null))),
                stream.next(day("2022-05-02"), SeedPlans.OWNER, new ActionImplemented(planId, actionId,
                        "Procedimiento publicado", null, LocalDate.of(2022, 5, 2))),
                stream.next(day("2022-05-03"), SeedPlans.OWNER, new ActionClosed(planId, actionId,
                        LocalDate.of(2022, 5, 3)))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(auditor()
                .get("/api/reports/history/plans/" + planId).json().path("total").asLong()).isEqualTo(4));

        JsonNode cuts = auditor().get("/api/reports/plans/" + planId + "/compare?from=2022-03-01&to=2022-06-30")
                .json();
        assertThat(find(cuts.get("closedWithoutEffectivenessCheck"), actionId).get("status").asText())
                .isEqualTo("CLOSED");
        assertThat(cuts.get("onTimeByResponsibleUnit").get("Talento Humano").get("rate").decimalValue())
                .isEqualByComparingTo("1");
    }

    @Test
    void theEvaluationDashboardShowsStagesLateStepsScoresAndIndividualPlans() {
        SeedEvaluations cycle = new SeedEvaluations(institution);
        String outstanding = UUID.randomUUID().toString();
        String low = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        List<EventEnvelope> evaluations = new ArrayList<>();
        evaluations.addAll(cycle.evaluation(outstanding, "aperez", "Ana Pérez", 3, "95", "Sobresaliente"));
        evaluations.addAll(cycle.evaluation(low, "bgomez", "Bruno Gómez", 3, "55", "No satisfactorio"));
        evaluations.addAll(cycle.evaluation(late, "cruiz", "Carla Ruiz", 1, null, null));
        TopicProbe.publish("mejora.evaluation.events", cycle.cycleEvents());
        TopicProbe.publish("mejora.evaluation.events", evaluations);

        String planId = UUID.randomUUID().toString();
        EventStream individual = new EventStream("Plan", planId, institution);
        TopicProbe.publish("mejora.plan.events", List.of(
                individual.next(day("2024-02-10"), SeedEvaluations.HR, new PlanCreated(planId, institution,
                        PlanKind.INDIVIDUAL, "Plan de mejoramiento individual Bruno Gómez", null, null, null, "jefe",
                        null, null, null, "2024", new IndividualPlanLink("bgomez", "Bruno Gómez", "jefe",
                        "Jefe Inmediato", low, cycle.cycleId, 2023))),
                individual.next(day("2024-02-11"), SeedEvaluations.SUPERVISOR, new ActionAdded(planId,
                        UUID.randomUUID().toString(), "act-" + planId, new ActionDetails("1", "Curso de planeación",
                        null, null, List.of(), null, null, "Talento Humano", "Jefe Inmediato", null, "2024-03",
                        "2024-06", 3, null))),
                individual.next(day("2024-03-15"), SeedEvaluations.SUPERVISOR, new ActionProgressRecorded(planId,
                        "act-" + planId, 50, 0, "Certificado parcial", null, null, LocalDate.of(2024, 3, 15)))));

        String path = "/api/reports/dashboards/evaluations?cycleId=" + cycle.cycleId + "&today=2023-06-01";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode dashboard = as("hr", institution, Role.HR).get(path).json();
            assertThat(dashboard.get("evaluations").asInt()).isEqualTo(3);
            assertThat(linkedPlan(dashboard, planId).path("averagePercent").asDouble()).isEqualTo(50.0);
        });
        JsonNode dashboard = as("hr", institution, Role.HR).get(path).json();
        assertThat(dashboard.get("byStage").get("COMPLETE").asInt()).isEqualTo(2);
        assertThat(dashboard.get("byStage").get("FORMULATION").asInt()).isEqualTo(1);
        assertThat(dashboard.get("byStep").get("GOALS_IN_REVIEW").asInt()).isEqualTo(1);
        assertThat(dashboard.get("lateSteps")).hasSize(1);
        assertThat(dashboard.get("lateSteps").get(0).get("servantName").asText()).isEqualTo("Carla Ruiz");
        assertThat(dashboard.get("lateSteps").get(0).get("daysLate").asInt()).isEqualTo(62);
        assertThat(dashboard.get("scoreDistribution").get("Sobresaliente").asInt()).isEqualTo(1);
        assertThat(dashboard.get("scoreDistribution").get("No satisfactorio").asInt()).isEqualTo(1);
        JsonNode needing = dashboard.get("improvementPlans").get(0);
        assertThat(needing.get("servantName").asText()).isEqualTo("Bruno Gómez");
        assertThat(linkedPlan(dashboard, planId).get("actions").asInt()).isEqualTo(1);
        assertThat(needing.get("finalScore").decimalValue()).isEqualByComparingTo("55");
        theServantsResultsAreSeenAsServantResultsSays(path);

        JsonNode evaluationAtSecondStage = as("bgomez", institution, Role.SERVANT)
                .get("/api/reports/evaluations/" + low + "/as-of?at=2023-08-01T00:00:00Z").json();
        assertThat(evaluationAtSecondStage.get("evaluation").get("status").asText()).isEqualTo("SELF_EVALUATION_II");
        assertThat(as("cruiz", institution, Role.SERVANT).get("/api/reports/history/evaluations/" + low).status())
                .isEqualTo(403);
        assertThat(as("bgomez", institution, Role.SERVANT).get("/api/reports/history/evaluations/" + low).json()
                .get("total").asInt()).isEqualTo(13);
    }

    /** Their supervisor by name; another supervisor nothing; plan roles and OVERSIGHT only counts; ADMIN nothing. */
    private void theServantsResultsAreSeenAsServantResultsSays(String path) {
        JsonNode supervisor = as("jefe", institution, Role.SUPERVISOR).get(path).json();
        assertThat(supervisor.get("evaluations").asInt()).isEqualTo(3);
        assertThat(supervisor.get("improvementPlans").get(0).get("servantName").asText()).isEqualTo("Bruno Gómez");

        JsonNode another = as("otro-jefe", institution, Role.SUPERVISOR).get(path).json();
        assertThat(another.get("evaluations").asInt()).isZero();
        assertThat(another.get("improvementPlans")).isEmpty();

        JsonNode servant = as("bgomez", institution, Role.SERVANT).get(path).json();
        assertThat(servant.get("evaluations").asInt()).isEqualTo(1);
        assertThat(servant.get("improvementPlans").get(0).get("servantId").asText()).isEqualTo("bgomez");

        for (Api counts : List.of(as("lhernandez", institution, Role.PLAN_OWNER),
                as("veeduria", "procuraduria", Role.OVERSIGHT))) {
            JsonNode dashboard = counts.get(path + "&institutionId=" + institution).json();
            assertThat(dashboard.get("evaluations").asInt()).isEqualTo(3);
            assertThat(dashboard.get("scoreDistribution").get("No satisfactorio").asInt()).isEqualTo(1);
            assertThat(dashboard.get("improvementPlansRequired").asInt()).isEqualTo(1);
            assertThat(dashboard.get("improvementPlans")).as("counts without names").isEmpty();
            assertThat(dashboard.get("lateSteps")).isEmpty();
            assertThat(dashboard.toString()).doesNotContain("Bruno Gómez", "bgomez");
        }
        assertThat(as("admin", institution, Role.ADMIN).get(path).status()).isEqualTo(403);
        assertThat(as("admin", institution, Role.ADMIN)
                .get("/api/reports/cycles/" + path.split("cycleId=")[1].split("&")[0]
                        + "/exports/consolidation.xlsx").status()).isEqualTo(403);
    }

    /** The individual plan of the dashboard's first servant needing one (plan-service may open its own beside it). */
    private static JsonNode linkedPlan(JsonNode dashboard, String planId) {
        for (JsonNode plan : dashboard.path("improvementPlans").path(0).path("plans")) {
            if (plan.path("planId").asText().equals(planId)) {
                return plan;
            }
        }
        return MissingNode.getInstance();
    }

    private SeedPlans publishedPlan() {
        SeedPlans plan = new SeedPlans(institution);
        List<EventEnvelope> events = new ArrayList<>(plan.gemFm014());
        events.addAll(plan.followUps());
        TopicProbe.publish("mejora.plan.events", events);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(auditor()
                .get("/api/reports/history/plans/" + plan.planId).json().path("total").asLong()).isEqualTo(18));
        return plan;
    }

    private static JsonNode find(JsonNode actions, String actionId) {
        for (JsonNode action : actions) {
            if (action.get("actionId").asText().equals(actionId)) {
                return action;
            }
        }
        throw new AssertionError(actionId + " not in " + actions);
    }
}
