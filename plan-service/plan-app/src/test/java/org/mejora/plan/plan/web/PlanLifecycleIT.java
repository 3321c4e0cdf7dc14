package org.mejora.plan.plan.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.plan.api.PlanTopics;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan's whole life over HTTP, with the rules the API answers with and the events that reach Kafka. */
class PlanLifecycleIT extends PlanServiceContext {

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);
    private final VerifiedUser reviewer = TestIdentities.withPosition(
            TestIdentities.user("control", institution, Role.PLAN_REVIEWER), "Jefe de Control Interno");
    private final VerifiedUser approver = TestIdentities.user("ccruz", institution, Role.PLAN_APPROVER);

    private String createPlan() {
        Api.Response created = as(owner).post("/api/plans", """
                {"kind":"CAF_SELF_ASSESSMENT","title":"Plan de mejora institucional","period":"2023"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("planId").asText();
    }

    private String addFinding(String planId, String number) {
        Api.Response finding = as(owner).post("/api/plans/" + planId + "/findings", """
                {"number":"%s","description":"No se evidencia el establecimiento de una política de innovación.",
                 "source":{"type":"CAF","criterion":"CRITERIO 2: ESTRATEGIA Y PLANIFICACIÓN",
                           "subcriterion":"Subcriterio 2.4"},
                 "improvementArea":"Innovación"}""".formatted(number));
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        return finding.json().get("findingId").asText();
    }

    private String addAction(String planId, String findingId, String number, String start, String end) {
        Api.Response action = as(owner).post("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                {"number":"%s","name":"Diseñar una política de innovación","objective":"Contar con lineamientos",
                 "tasks":[{"number":1,"description":"Reunión con las áreas claves"},
                          {"number":2,"description":"Definir lineamientos"}],
                 "goalIndicator":"Política aprobada","resources":"Humanos / Tecnológicos",
                 "responsibleUnit":"Comité de Calidad","responsibleRole":"Coordinador",
                 "technicalDirection":"Dirección de Planificación","start":"%s","end":"%s","scheduledMonths":6,
                 "comments":"Apoyo de la Dirección Ejecutiva"}""".formatted(number, start, end));
        assertThat(action.status()).as(action.toString()).isEqualTo(201);
        return action.json().get("actionId").asText();
    }

    private void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    private JsonNode plan(String planId) {
        Api.Response plan = as(owner).get("/api/plans/" + planId);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return plan.json();
    }

    private static JsonNode action(JsonNode plan, String actionId) {
        for (JsonNode finding : plan.get("findings")) {
            for (JsonNode action : finding.get("actions")) {
                if (action.get("actionId").asText().equals(actionId)) {
                    return action;
                }
            }
        }
        throw new AssertionError("no action " + actionId);
    }

    @Test
    void aPlanGoesFromDraftThroughReviewAndApprovalToFollowUpClosingAndReopening() {
        try (TopicProbe topic = TopicProbe.open(PlanTopics.EVENTS)) {
            String planId = createPlan();
            String findingId = addFinding(planId, "2");
            String actionId = addAction(planId, findingId, "2", "T1-2023", "T2-2023");
            String late = addAction(planId, findingId, "2b", "ene-21", "jun-21");

            ok(as(owner).post("/api/plans/" + planId + "/submission", "{}"));
            Api.Response rejected = as(reviewer).post("/api/plans/" + planId + "/rejection",
                    "{\"reason\":\"Falta el indicador de la acción 2b\"}");
            ok(rejected);
            assertThat(plan(planId).get("status").asText()).isEqualTo("DRAFT");
            ok(as(owner).post("/api/plans/" + planId + "/submission", "{}"));
            ok(as(reviewer).post("/api/plans/" + planId + "/review", "{}"));
            assertThat(as(owner).post("/api/plans/" + planId + "/approval", "{}").status()).isEqualTo(403);
            ok(as(approver).post("/api/plans/" + planId + "/approval", "{}"));
            ok(as(approver).post("/api/plans/" + planId + "/execution", "{}"));

            String actionPath = "/api/plans/" + planId + "/actions/" + actionId;
            ok(as(owner).post(actionPath + "/progress",
                    "{\"percent\":50,\"evidence\":\"Acta de reunión 01\",\"comment\":\"Reunión realizada\"}"));
            Api.Response backwards = as(owner).post(actionPath + "/progress",
                    "{\"percent\":25,\"evidence\":\"Acta 02\"}");
            assertThat(backwards.status()).isEqualTo(422);
            assertThat(backwards.json().get("rule").asText()).isEqualTo("progress.backwards-without-reason");
            ok(as(owner).post(actionPath + "/implementation", "{\"evidence\":\"Política publicada en intranet\"}"));
            ok(as(reviewer).post(actionPath + "/verification",
                    "{\"compliant\":true,\"effective\":true,\"observations\":\"Cumple\"}"));
            ok(as(reviewer).post(actionPath + "/closure", ""));
            ok(as(owner).post("/api/plans/" + planId + "/actions/" + late + "/cancellation",
                    "{\"justification\":\"Duplicada con la acción 2\"}"));

            JsonNode closed = plan(planId);
            assertThat(action(closed, actionId).get("status").asText()).isEqualTo("CLOSED");
            assertThat(closed.get("findings").get(0).get("closed").asBoolean()).isTrue();

            Api.Response reopened = as(reviewer).post(actionPath + "/reopening",
                    "{\"reason\":\"La política no fue socializada\"}");
            ok(reopened);
            JsonNode after = plan(planId);
            JsonNode action = action(after, actionId);
            assertThat(action.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(action.get("compliant").isNull()).isTrue();
            assertThat(after.get("findings").get(0).get("closed").asBoolean()).isFalse();
            assertThat(action.get("tasks")).hasSize(2);
            assertThat(action.has("followUps")).as("the plan does not ship the history").isFalse();
            assertThat(action.get("followUpCount").asInt()).isEqualTo(5);
            JsonNode history = as(owner).get(actionPath + "/follow-ups").json();
            assertThat(history.get("total").asLong()).isEqualTo(5);
            assertThat(history.get("items")).extracting(f -> f.get("type").asText())
                    .containsExactly("PROGRESS", "IMPLEMENTED", "VERIFIED", "CLOSED", "REOPENED");
            assertThat(history.get("items").get(4).get("reason").asText()).isEqualTo("La política no fue socializada");
            assertThat(history.get("items").get(2).get("by").asText()).isEqualTo("control");
            JsonNode second = as(owner).get(actionPath + "/follow-ups?page=1&size=2").json();
            assertThat(second.get("items")).extracting(f -> f.get("type").asText())
                    .containsExactly("VERIFIED", "CLOSED");
            assertThat(as(owner).get("/api/plans/" + planId + "/actions/no-such-action/follow-ups").status())
                    .isEqualTo(404);
            assertThat(as(owner).get(actionPath + "/follow-ups?size=0").status()).isEqualTo(400);
            assertThat(after.get("submittedBy").get("name").asText()).isEqualTo("lhernandez");
            assertThat(after.get("reviewedBy").get("position").asText())
                    .as("the position is the token's").isEqualTo("Jefe de Control Interno");
            assertThat(after.get("approvedBy").get("role").asText()).isEqualTo("PLAN_APPROVER");
            assertThat(after.get("rejections").get(0).get("reason").asText())
                    .isEqualTo("Falta el indicador de la acción 2b");
            assertThat(reopened.header("ETag")).isEqualTo("\"" + after.get("version").asLong() + "\"");
            Api.Response notYet = as(approver).post("/api/plans/" + planId + "/closure", "{}");
            assertThat(notYet.status()).isEqualTo(422);
            assertThat(notYet.json().get("rule").asText()).isEqualTo("plan.actions-open");

            List<EventEnvelope> events = topic.awaitAll(e -> e.aggregateId().equals(planId), 18, Duration.ofSeconds(30));
            assertThat(events).extracting(EventEnvelope::eventType).contains("PlanCreated", "FindingAdded",
                    "ActionAdded", "PlanSubmittedForReview", "PlanReviewRejected", "PlanReviewed", "PlanApproved",
                    "PlanExecutionStarted", "ActionProgressRecorded", "ActionImplemented", "ActionVerified",
                    "ActionClosed", "FindingClosed", "ActionCancelled", "ActionReopened", "FindingReopened");
            EventEnvelope reopenedEvent = events.stream().filter(e -> e.eventType().equals("ActionReopened"))
                    .findFirst().orElseThrow();
            assertThat(reopenedEvent.actor().userId()).isEqualTo("control");
            assertThat(reopenedEvent.actor().role()).isEqualTo("PLAN_REVIEWER");
            assertThat(reopenedEvent.institutionId()).isEqualTo(institution);
            assertThat(reopenedEvent.aggregateType()).isEqualTo("Plan");
            assertThat(reopenedEvent.schemaVersion()).isEqualTo(1);
            assertThat(reopenedEvent.payload().get("reason").asText()).isEqualTo("La política no fue socializada");
        }
    }

    @Test
    void overdueActionsAreFlaggedFromTheirEndDate() {
        String planId = createPlan();
        String findingId = addFinding(planId, "1");
        String past = addAction(planId, findingId, "1", "ene-21", "jun-21");
        String future = addAction(planId, findingId, "2", "T1-2023", "T4-2999");

        JsonNode plan = plan(planId);
        assertThat(action(plan, past).get("overdue").asBoolean()).isTrue();
        assertThat(action(plan, past).get("dueDate").asText()).isEqualTo("2021-06-30");
        assertThat(action(plan, future).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void rulesOfTheAggregateAreProblemsNamingTheRule() {
        String planId = createPlan();
        String findingId = addFinding(planId, "1");

        Api.Response duplicate = as(owner).post("/api/plans/" + planId + "/findings",
                "{\"number\":\"1\",\"description\":\"Otro\"}");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");
        assertThat(duplicate.json().get("rule").asText()).isEqualTo("finding.duplicate-number");

        Api.Response backwards = as(owner).with(Map.of("Accept-Language", "en"))
                .post("/api/plans/" + planId + "/findings/" + findingId + "/actions",
                        "{\"number\":\"1\",\"name\":\"Acción\",\"start\":\"T2-2023\",\"end\":\"mar-23\"}");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("rule").asText()).isEqualTo("action.end-before-start");
        assertThat(backwards.json().get("detail").asText()).contains("before the start");

        Api.Response unreadable = as(owner).post("/api/plans/" + planId + "/findings/" + findingId + "/actions",
                "{\"number\":\"1\",\"name\":\"Acción\",\"start\":\"004-21\",\"end\":\"ene-22\"}");
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.json().get("field").asText()).isEqualTo("start");

        Api.Response notInReview = as(approver).post("/api/plans/" + planId + "/approval", "{}");
        assertThat(notInReview.status()).isEqualTo(409);
        assertThat(notInReview.json().get("rule").asText()).isEqualTo("plan.not-in-review");
    }

    @Test
    void aStaleIfMatchIsAConflictAndNothingIsLost() {
        String planId = createPlan();
        Api.Response read = as(owner).get("/api/plans/" + planId);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        Api.Response first = as(owner).with(Map.of("If-Match", etag)).post("/api/plans/" + planId + "/findings",
                "{\"number\":\"1\",\"description\":\"Primero\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Api.Response second = as(owner).with(Map.of("If-Match", etag)).post("/api/plans/" + planId + "/findings",
                "{\"number\":\"2\",\"description\":\"Segundo, sobre una versión vieja\"}");
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("rule").asText()).isEqualTo("concurrent-modification");
        assertThat(plan(planId).get("findings")).extracting(f -> f.get("description").asText())
                .containsExactly("Primero");
    }

    @Test
    void anotherInstitutionSeesNothingOfThePlan() {
        String planId = createPlan();
        VerifiedUser stranger = TestIdentities.user("other", TestIdentities.newInstitution(), Role.ADMIN);

        Api.Response read = as(stranger).get("/api/plans/" + planId);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.text()).doesNotContain("Plan de mejora institucional");
        assertThat(as(stranger).post("/api/plans/" + planId + "/findings",
                "{\"number\":\"1\",\"description\":\"x\"}").status()).isEqualTo(404);
        assertThat(as(stranger).get("/api/plans").json().get("items")).noneMatch(p -> p.get("planId").asText().equals(planId));
        assertThat(as(owner).get("/api/plans?status=DRAFT").json().get("items"))
                .anyMatch(p -> p.get("planId").asText().equals(planId));
    }

    @Test
    void aFollowUpReportListsThePlansActionsAndIsSignedAndSubmitted() {
        String planId = createPlan();
        String findingId = addFinding(planId, "1");
        String actionId = addAction(planId, findingId, "1", "T1-2023", "T2-2023");
        ok(as(owner).post("/api/plans/" + planId + "/submission", "{}"));
        ok(as(reviewer).post("/api/plans/" + planId + "/review", "{}"));
        ok(as(approver).post("/api/plans/" + planId + "/approval", "{}"));
        ok(as(approver).post("/api/plans/" + planId + "/execution", "{}"));
        ok(as(owner).post("/api/plans/" + planId + "/actions/" + actionId + "/implementation",
                "{\"evidence\":\"CD entregado al MDT: política.pdf\"}"));

        Api.Response drafted = as(owner).post("/api/plans/" + planId + "/reports", """
                {"period":"2023","antecedents":"Oficio de envío del informe consolidado",
                 "legalBase":"NTSED, Acuerdo Ministerial MDT-2018-0041, Capítulo IV arts. 29-32",
                 "objective":"Realizar un seguimiento a la ejecución de los planes de acción de mejora",
                 "conclusions":"Se implementó la política","recommendations":"Socializarla"}""");
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String reportPath = "/api/plans/" + planId + "/reports/" + drafted.json().get("reportId").asText();
        JsonNode draft = as(owner).get(reportPath).json();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("actions").get(0).get("status").asText()).isEqualTo("IMPLEMENTED");

        ok(as(owner).post(reportPath + "/submission", "{}"));
        JsonNode submitted = as(owner).get(reportPath).json();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("signedBy").get("name").asText()).isEqualTo("lhernandez");
        JsonNode line = submitted.get("actions").get(0);
        assertThat(line.get("factor").asText()).isEqualTo("Subcriterio 2.4");
        assertThat(line.get("start").asText()).isEqualTo("2023-T1");
        assertThat(line.get("evidence").asText()).isEqualTo("CD entregado al MDT: política.pdf");
        assertThat(as(owner).post(reportPath + "/submission", "{}").status()).isEqualTo(409);
    }

    @Test
    void oneUserCannotElaborateReviewAndApproveTheSamePlan() {
        VerifiedUser admin = TestIdentities.user("admin", institution, Role.ADMIN);
        String planId = createPlan();
        addAction(planId, addFinding(planId, "1"), "1", "T1-2023", "T2-2023");
        ok(as(admin).post("/api/plans/" + planId + "/submission", "{}"));

        Api.Response ownReview = as(admin).post("/api/plans/" + planId + "/review", "{}");
        assertThat(ownReview.status()).as(ownReview.toString()).isEqualTo(422);
        assertThat(ownReview.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ownReview.json().get("rule").asText()).isEqualTo("plan.separation-of-duties");

        ok(as(reviewer).post("/api/plans/" + planId + "/review", "{}"));
        assertThat(as(admin).post("/api/plans/" + planId + "/approval", "{}").status()).isEqualTo(422);
        Api.Response reviewerApproves = as(TestIdentities.user("control", institution, Role.PLAN_APPROVER))
                .post("/api/plans/" + planId + "/approval", "{}");
        assertThat(reviewerApproves.status()).as(reviewerApproves.toString()).isEqualTo(422);
        ok(as(approver).post("/api/plans/" + planId + "/approval", "{}"));
    }

    @Test
    void theInstitutionsAdminMayRelaxTheRuleForAPlanAndThePlanSaysSo() {
        VerifiedUser admin = TestIdentities.user("admin", institution, Role.ADMIN);
        String body = """
                {"kind":"CAF_SELF_ASSESSMENT","title":"Plan de una oficina pequeña","period":"2023",
                 "separationOfDutiesRelaxed":true}""";
        assertThat(as(owner).post("/api/plans", body).status()).isEqualTo(403);
        Api.Response created = as(admin).post("/api/plans", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String planId = created.json().get("planId").asText();
        addAction(planId, addFinding(planId, "1"), "1", "T1-2023", "T2-2023");

        ok(as(admin).post("/api/plans/" + planId + "/submission", "{}"));
        ok(as(admin).post("/api/plans/" + planId + "/review", "{}"));
        ok(as(admin).post("/api/plans/" + planId + "/approval", "{}"));
        assertThat(plan(planId).get("status").asText()).isEqualTo("APPROVED");
        assertThat(plan(planId).get("separationOfDutiesRelaxed").asBoolean()).isTrue();
    }
}
