package org.mejora.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.FindingRemoved;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanKind;
import org.mejora.reporting.support.EventStream;
import org.mejora.reporting.support.ReportingIT;
import org.mejora.reporting.support.SeedPlans;
import org.mejora.testing.Api;
import org.mejora.testing.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mejora.reporting.support.SeedPlans.day;

/** Audit histories and time travel, fed through the real broker and read over HTTP. */
class AuditHistoryIT extends ReportingIT {

    @Test
    void anActionHistoryShowsEachChangeFromAndToWithWhoWhyAndEvidenceEvenWhenEventsArriveTwice() {
        SeedPlans plan = new SeedPlans(institution);
        List<EventEnvelope> events = new ArrayList<>(plan.gemFm014());
        events.addAll(plan.followUps());
        TopicProbe.publish("mejora.plan.events", events);
        TopicProbe.publish("mejora.plan.events", events.subList(events.size() - 3, events.size()));

        String path = "/api/reports/history/actions/" + plan.action1;
        awaitTotal("/api/reports/history/plans/" + plan.planId, 18);
        JsonNode history = auditor().get(path).json();
        assertThat(history.get("total").asLong()).isEqualTo(9);
        JsonNode entries = history.get("items");

        JsonNode added = entries.get(0);
        assertThat(added.get("eventType").asText()).isEqualTo("ActionAdded");
        assertThat(kinds(added)).contains("CREATION", "STATUS", "DATES", "RESPONSIBLE");
        assertThat(change(entries.get(1), "end")).isEqualTo("2022-01 -> 2022-02");
        assertThat(change(entries.get(2), "status")).isEqualTo("PLANNED -> IN_PROGRESS");

        JsonNode fiftyToSeventyFive = entries.get(3);
        assertThat(change(fiftyToSeventyFive, "percent")).isEqualTo("50 -> 75");
        assertThat(fiftyToSeventyFive.get("evidence").asText()).isEqualTo("Acta Consejo de Gobierno 11-2021");
        assertThat(fiftyToSeventyFive.get("reason").asText()).isEqualTo("Reuniones con dependencias");
        assertThat(fiftyToSeventyFive.get("actor").get("userId").asText()).isEqualTo("lhernandez");
        assertThat(fiftyToSeventyFive.get("actor").get("role").asText()).isEqualTo("PLAN_OWNER");
        assertThat(fiftyToSeventyFive.get("occurredAt").asText()).isEqualTo("2021-11-20T15:00:00Z");

        assertThat(change(entries.get(5), "status")).isEqualTo("IN_PROGRESS -> IMPLEMENTED");
        assertThat(change(entries.get(6), "effective")).isEqualTo("null -> true");
        assertThat(entries.get(6).get("actor").get("role").asText()).isEqualTo("AUDITOR");
        assertThat(change(entries.get(7), "status")).isEqualTo("IMPLEMENTED -> CLOSED");
        assertThat(change(entries.get(8), "status")).isEqualTo("CLOSED -> IN_PROGRESS");
        assertThat(entries.get(8).get("reason").asText()).contains("todas las dependencias");
    }

    @Test
    void aHistoryIsFilteredByDateUserAndKindOfChangeAndPaginated() {
        SeedPlans plan = new SeedPlans(institution);
        List<EventEnvelope> events = new ArrayList<>(plan.gemFm014());
        events.addAll(plan.followUps());
        TopicProbe.publish("mejora.plan.events", events);
        String path = "/api/reports/history/plans/" + plan.planId;
        awaitTotal(path, 18);

        assertThat(auditor().get(path + "?change=PROGRESS").json().get("total").asLong()).isEqualTo(4);
        assertThat(auditor().get(path + "?user=mcontrol").json().get("total").asLong()).isEqualTo(3);
        assertThat(auditor().get(path + "?from=2021-10-01T00:00:00Z&to=2021-12-31T23:59:59Z").json()
                .get("total").asLong()).isEqualTo(2);

        JsonNode secondPage = auditor().get(path + "?page=1&size=5").json();
        assertThat(secondPage.get("items")).hasSize(5);
        assertThat(secondPage.get("items").get(0).get("sequence").asLong()).isEqualTo(5);

        assertThat(auditor().get(path + "?change=NOTHING").status()).isEqualTo(400);
        assertThat(auditor().get(path + "?from=yesterday").json().get("field").asText()).isEqualTo("from");
    }

    @Test
    void aPlanCanBeReadExactlyAsItStoodAtAPastInstant() {
        SeedPlans plan = new SeedPlans(institution);
        List<EventEnvelope> events = new ArrayList<>(plan.gemFm014());
        events.addAll(plan.followUps());
        TopicProbe.publish("mejora.plan.events", events);
        awaitTotal("/api/reports/history/plans/" + plan.planId, 18);

        JsonNode november = auditor().get("/api/reports/plans/" + plan.planId + "/as-of?at=2021-11-30T00:00:00Z")
                .json();
        assertThat(november.get("plan").get("status").asText()).isEqualTo("IN_EXECUTION");
        assertThat(november.get("plan").get("signatures").get("approver").get("name").asText())
                .isEqualTo("CESAR AUGUSTO CRUZ GONZALEZ");
        assertThat(november.get("findings")).hasSize(2);
        JsonNode action = november.get("findings").findValues("actions").stream()
                .flatMap(actions -> java.util.stream.StreamSupport.stream(actions.spliterator(), false))
                .filter(a -> a.get("actionId").asText().equals(plan.action1)).findFirst().orElseThrow();
        assertThat(action.get("percent").asInt()).isEqualTo(75);
        assertThat(action.get("end").asText()).isEqualTo("2022-02");
        assertThat(action.get("status").asText()).isEqualTo("IN_PROGRESS");

        JsonNode draft = auditor().get("/api/reports/plans/" + plan.planId + "/as-of?at=2021-08-01T00:00:00Z").json();
        assertThat(draft.get("plan").get("status").asText()).isEqualTo("DRAFT");

        assertThat(auditor().get("/api/reports/plans/" + plan.planId + "/as-of?at=2020-01-01T00:00:00Z").status())
                .isEqualTo(404);
    }

    @Test
    void aGapIsReportedAndHeldUntilTheMissingEventArrives() {
        String planId = UUID.randomUUID().toString();
        EventStream stream = new EventStream("Plan", planId, institution);
        EventEnvelope created = stream.next("PlanCreated", day("2023-01-10"), SeedPlans.OWNER, "planId", planId,
                "kind", "CAF_SELF_ASSESSMENT", "title", "Plan de mejora institucional 2023");
        EventEnvelope submitted = stream.next("PlanSubmittedForReview", day("2023-01-11"), SeedPlans.OWNER,
                "planId", planId);
        EventEnvelope approved = stream.next("PlanApproved", day("2023-01-12"), SeedPlans.APPROVER, "planId", planId);
        TopicProbe.publish("mejora.plan.events", List.of(created, approved));

        String path = "/api/reports/history/plans/" + planId;
        awaitTotal(path, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(openProblems().path("gap").asLong()).isPositive());
        assertThat(auditor().get(path).json().get("total").asLong()).isEqualTo(1);

        TopicProbe.publish("mejora.plan.events", List.of(submitted));
        awaitTotal(path, 3);
        JsonNode entries = auditor().get(path).json().get("items");
        assertThat(entries.get(2).get("eventType").asText()).isEqualTo("PlanApproved");
        assertThat(change(entries.get(2), "status")).isEqualTo("IN_REVIEW -> APPROVED");
    }

    @Test
    void unknownEventsAndNewerSchemaVersionsAreRecordedAndReportedWithoutBlockingWhatFollows() {
        String planId = UUID.randomUUID().toString();
        EventStream stream = new EventStream("Plan", planId, institution);
        TopicProbe.publishRaw("mejora.plan.events",
                List.of(Map.entry(planId, "this is not JSON".getBytes(StandardCharsets.UTF_8))));
        TopicProbe.publish("mejora.plan.events", List.of(
                stream.next("PlanCreated", day("2023-02-01"), SeedPlans.OWNER, "planId", planId, "title", "Plan"),
                stream.at(1, "PlanTeleported", 1, day("2023-02-02"), SeedPlans.OWNER, "planId", planId),
                stream.at(2, "PlanApproved", 7, day("2023-02-03"), SeedPlans.APPROVER, "planId", planId,
                        "status", "SOMETHING_NEW"),
                stream.at(3, "PlanExecutionStarted", 1, day("2023-02-04"), SeedPlans.APPROVER, "planId", planId)));

        String path = "/api/reports/history/plans/" + planId;
        awaitTotal(path, 4);
        JsonNode entries = auditor().get(path).json().get("items");
        assertThat(kinds(entries.get(1))).containsExactly("UNREAD");
        assertThat(kinds(entries.get(2))).containsExactly("UNREAD");
        assertThat(change(entries.get(3), "status")).isEqualTo("DRAFT -> IN_EXECUTION");
        JsonNode problems = openProblems();
        assertThat(problems.path("unknown_event").asLong()).isPositive();
        assertThat(problems.path("newer_schema").asLong()).isPositive();
        assertThat(problems.path("unreadable").asLong()).isPositive();

        // The administrator's screen lists them through the API, naming the aggregate; nobody else may.
        JsonNode listed = as("plataforma", institution, Role.PLATFORM_ADMIN)
                .get("/api/reports/admin/ingestion-problems?aggregateId=" + planId).json();
        assertThat(listed.get("openByKind").path("unknown_event").asLong()).isPositive();
        assertThat(listed.get("open").findValuesAsText("aggregateId")).contains(planId);
        assertThat(auditor().get("/api/reports/admin/ingestion-problems").status()).isEqualTo(403);
    }

    @Test
    void removingAFindingRemovesItsActionsNowAndInThePast() {
        String planId = UUID.randomUUID().toString();
        String findingId = "f-" + planId;
        EventStream stream = new EventStream("Plan", planId, institution);
        TopicProbe.publish("mejora.plan.events", List.of(
                stream.next(day("2023-02-01"), SeedPlans.OWNER, new PlanCreated(planId, institution, PlanKind.AUDIT,
                        "Plan", null, null, null, null, null, null, null, "2023", null)),
                stream.next(day("2023-02-02"), SeedPlans.OWNER, new FindingAdded(planId, findingId, "1", "Hallazgo",
                        null, null)),
                stream.next(day("2023-02-03"), SeedPlans.OWNER, new ActionAdded(planId, findingId, "a-" + planId,
                        new ActionDetails("1", "Acción", null, null, List.of(), null, null, null, null, null,
                                "2023-01", "2023-06", 6, null))),
                stream.next(day("2023-02-04"), SeedPlans.OWNER, new FindingRemoved(planId, findingId))));

        awaitTotal("/api/reports/history/plans/" + planId, 5);
        JsonNode action = auditor().get("/api/reports/history/actions/a-" + planId).json();
        assertThat(action.get("total").asLong()).isEqualTo(2);
        assertThat(change(action.get("items").get(1), "removed")).isEqualTo("false -> true");
        JsonNode after = auditor().get("/api/reports/plans/" + planId + "/as-of?at=2023-02-05T00:00:00Z").json();
        assertThat(after.at("/findings/0/removed").asBoolean()).isTrue();
        assertThat(after.at("/findings/0/actions/0/removed").asBoolean()).isTrue();
        JsonNode before = auditor().get("/api/reports/plans/" + planId + "/as-of?at=2023-02-03T12:00:00Z").json();
        assertThat(before.at("/findings/0/actions/0/removed").asBoolean()).isFalse();
        JsonNode dashboard = auditor().get("/api/reports/dashboards/plans?planId=" + planId).json();
        assertThat(dashboard.get("actions").asInt()).isZero();
    }

    @Test
    void anEventThatCannotBeFoldedIsRecordedAndReportedAndWhatFollowsStillApplies() {
        String planId = UUID.randomUUID().toString();
        EventStream stream = new EventStream("Plan", planId, institution);
        TopicProbe.publish("mejora.plan.events", List.of(
                stream.next("PlanCreated", day("2023-03-01"), SeedPlans.OWNER, "planId", planId,
                        "signatures", "not an object"),
                stream.next("PlanApproved", day("2023-03-02"), SeedPlans.APPROVER, "planId", planId,
                        "approver", Map.of("name", "CESAR AUGUSTO CRUZ GONZALEZ", "role", "PLAN_APPROVER",
                                "position", "Secretario de Planeación", "date", "2023-03-02")),
                stream.next("PlanExecutionStarted", day("2023-03-03"), SeedPlans.APPROVER, "planId", planId)));

        String path = "/api/reports/history/plans/" + planId;
        awaitTotal(path, 3);
        JsonNode entries = auditor().get(path).json().get("items");
        assertThat(kinds(entries.get(1))).containsExactly("UNREAD");
        assertThat(change(entries.get(2), "status")).isEqualTo("DRAFT -> IN_EXECUTION");
        assertThat(openProblems().path("failed_event").asLong()).isPositive();
    }

    @Test
    void onlyTheInstitutionsReadersSeeAHistory() {
        SeedPlans plan = new SeedPlans(institution);
        TopicProbe.publish("mejora.plan.events", plan.gemFm014());
        String path = "/api/reports/history/plans/" + plan.planId;
        awaitTotal(path, 10);

        assertThat(as("auditor", "another-institution", Role.AUDITOR).get(path).status()).isEqualTo(404);
        assertThat(as("oversight", "another-institution", Role.OVERSIGHT).get(path).status()).isEqualTo(404);
        Api.Response servant = as("servant", institution, Role.SERVANT).get(path);
        assertThat(servant.status()).isEqualTo(403);
        assertThat(servant.json().get("detail").asText()).contains("rol");
        Api servantInEnglish = as("servant", institution, Role.SERVANT).with(Map.of("Accept-Language", "en"));
        assertThat(servantInEnglish.get(path).json().get("detail").asText()).contains("role");
        assertThat(as("owner", institution, Role.PLAN_OWNER).get(path).status()).isEqualTo(200);
        assertThat(auditor().get("/api/reports/history/plans/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aPlansWholeHistoryIsAlsoAPageWithoutFiltersInOrder() {
        SeedPlans plan = new SeedPlans(institution);
        TopicProbe.publish("mejora.plan.events", plan.gemFm014());
        awaitTotal("/api/reports/history/plans/" + plan.planId, 10);

        JsonNode history = auditor().get("/api/reports/plans/" + plan.planId + "/history").json().get("items");
        assertThat(history).hasSize(10);
        assertThat(history.get(0).get("eventType").asText()).isEqualTo("PlanCreated");
        assertThat(history.get(0).get("actor").get("userId").asText()).isEqualTo("lhernandez");
        assertThat(history.get(0).get("correlationId").asText()).isEqualTo("corr-" + plan.planId);
        assertThat(history.get(9).get("eventType").asText()).isEqualTo("PlanExecutionStarted");
    }

    private void awaitTotal(String path, long total) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(auditor().get(path).json().path("total").asLong()).isEqualTo(total));
    }

    private JsonNode openProblems() {
        return Api.at("http://localhost:" + port).get("/actuator/health/ingestion").json()
                .path("details").path("openProblems");
    }

    private static List<String> kinds(JsonNode entry) {
        List<String> kinds = new ArrayList<>();
        entry.get("kinds").forEach(kind -> kinds.add(kind.asText()));
        return kinds;
    }

    private static String change(JsonNode entry, String field) {
        for (JsonNode change : entry.get("changes")) {
            if (change.get("field").asText().equals(field)) {
                return change.get("from").asText() + " -> " + change.get("to").asText();
            }
        }
        return "no change of " + field + " in " + entry;
    }
}
