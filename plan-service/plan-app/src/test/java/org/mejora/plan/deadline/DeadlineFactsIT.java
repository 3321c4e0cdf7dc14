package org.mejora.plan.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.plan.api.ActionBecameOverdue;
import org.mejora.plan.api.ActionDeadlineNeared;
import org.mejora.plan.api.PlanTopics;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;
import org.mejora.web.schedule.DailyTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, facts in the history: with the service's clock moved through an action's dates, the sweep raises each
 * fact once, a second sweep (what a restart or a second instance does) raises none, and a re-planned action gets
 * new facts for its new date. Also: the responsibles of an action, and the persistent daily schedule.
 */
class DeadlineFactsIT extends PlanServiceContext {

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);
    private final VerifiedUser platformAdmin = TestIdentities.user("root", institution, Role.PLATFORM_ADMIN);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private DeadlineSweep sweep;
    @Autowired
    private Clock clock;

    @AfterEach
    void systemClockAgain() {
        Api.at(baseUrl()).delete("/actuator/clock");
    }

    private void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    private void clockAt(String instant) {
        Api.Response moved = Api.at(baseUrl()).post("/actuator/clock", "{\"at\":\"" + instant + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private int sweepNow() {
        Api.Response swept = as(platformAdmin).post("/api/plans/admin/deadline-sweeps", "");
        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
        return swept.json().get("raised").asInt();
    }

    private List<Object> facts(String planId) {
        return eventStore.readEvents(planId).asStream().map(DomainEventMessage::getPayload)
                .filter(p -> p instanceof ActionDeadlineNeared || p instanceof ActionBecameOverdue)
                .map(p -> (Object) p).toList();
    }

    private String[] planWithActionEnding(String end) {
        Api.Response created = as(owner).post("/api/plans", """
                {"kind":"CAF_SELF_ASSESSMENT","title":"Plan con vencimientos","period":"2031"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String planId = created.json().get("planId").asText();
        Api.Response finding = as(owner).post("/api/plans/" + planId + "/findings", """
                {"number":"1","description":"Sin política de innovación","source":{"type":"OTHER"}}""");
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        String findingId = finding.json().get("findingId").asText();
        Api.Response action = as(owner).post("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                {"number":"1","name":"Diseñar la política","start":"2031-01-01","end":"%s"}""".formatted(end));
        assertThat(action.status()).as(action.toString()).isEqualTo(201);
        return new String[]{planId, action.json().get("actionId").asText()};
    }

    @Test
    void eachFactOnceThroughAnActionsDatesAndNewOnesForItsNewDate() {
        try (TopicProbe topic = TopicProbe.open(PlanTopics.EVENTS)) {
            String[] ids = planWithActionEnding("2031-03-14");
            String planId = ids[0];
            String actionId = ids[1];
            LocalDate due = LocalDate.of(2031, 3, 14);

            clockAt("2031-03-06T15:00:00Z");
            sweepNow();
            assertThat(facts(planId)).as("eight days before: nothing yet").isEmpty();

            clockAt("2031-03-07T15:00:00Z");
            assertThat(sweepNow()).isPositive();
            clockAt("2031-03-13T15:00:00Z");
            sweepNow();
            // 03:00 UTC of the 15th is still the 14th in Bogotá: the due day itself, not overdue yet.
            clockAt("2031-03-15T03:00:00Z");
            sweepNow();
            assertThat(facts(planId)).containsExactly(
                    new ActionDeadlineNeared(planId, actionId, due, 7, LocalDate.of(2031, 3, 7)),
                    new ActionDeadlineNeared(planId, actionId, due, 1, LocalDate.of(2031, 3, 13)));
            clockAt("2031-03-15T15:00:00Z");
            sweepNow();
            List<Object> once = facts(planId);
            assertThat(once).hasSize(3).last()
                    .isEqualTo(new ActionBecameOverdue(planId, actionId, due, LocalDate.of(2031, 3, 15)));

            // What a restart or a second instance does: sweep again, the day after too. Nothing new.
            sweepNow();
            clockAt("2031-03-16T15:00:00Z");
            sweepNow();
            assertThat(facts(planId)).isEqualTo(once);

            // Re-planned: new facts for the new date.
            ok(as(owner).put("/api/plans/" + planId + "/actions/" + actionId, """
                    {"number":"1","name":"Diseñar la política","start":"2031-01-01","end":"2031-04-30"}"""));
            LocalDate newDue = LocalDate.of(2031, 4, 30);
            clockAt("2031-04-23T15:00:00Z");
            sweepNow();
            clockAt("2031-04-29T15:00:00Z");
            sweepNow();
            clockAt("2031-05-01T15:00:00Z");
            sweepNow();
            sweepNow();
            assertThat(facts(planId)).hasSize(6).endsWith(
                    new ActionDeadlineNeared(planId, actionId, newDue, 7, LocalDate.of(2031, 4, 23)),
                    new ActionDeadlineNeared(planId, actionId, newDue, 1, LocalDate.of(2031, 4, 29)),
                    new ActionBecameOverdue(planId, actionId, newDue, LocalDate.of(2031, 5, 1)));

            List<EventEnvelope> published = topic.awaitAll(e -> e.aggregateId().equals(planId)
                    && (e.eventType().equals("ActionDeadlineNeared") || e.eventType().equals("ActionBecameOverdue")),
                    6, Duration.ofSeconds(30));
            assertThat(published).hasSize(6);
            EventEnvelope overdue = published.stream().filter(e -> e.eventType().equals("ActionBecameOverdue"))
                    .findFirst().orElseThrow();
            assertThat(overdue.institutionId()).isEqualTo(institution);
            assertThat(overdue.actor().userId()).isEqualTo("root");
            assertThat(overdue.payload().get("dueOn").asText()).isEqualTo("2031-03-14");
            assertThat(overdue.payload().get("on").asText()).isEqualTo("2031-03-15");
        }
    }

    @Test
    void aFinishedOrCancelledActionGetsNoFact() {
        String[] ids = planWithActionEnding("2031-06-10");
        ok(as(owner).delete("/api/plans/" + ids[0] + "/actions/" + ids[1]));
        clockAt("2031-06-20T15:00:00Z");
        sweepNow();
        assertThat(facts(ids[0])).isEmpty();
    }

    @Test
    void onlyAPlatformAdministratorRunsTheSweep() {
        Api.Response refused = as(owner).with(Map.of("Accept-Language", "en")).post("/api/plans/admin/deadline-sweeps", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theClockEndpointShowsMovesAndResetsTheServicesClockInTheInstitutionsZone() {
        Api clockApi = Api.at(baseUrl());
        Api.Response moved = clockApi.post("/actuator/clock", "{\"at\":\"2027-03-02T03:00:00Z\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("zone").asText()).isEqualTo("America/Bogota");
        assertThat(moved.json().get("today").asText()).isEqualTo("2027-03-01");
        assertThat(Duration.between(Instant.parse("2027-03-02T03:00:00Z"), clock.instant()))
                .isBetween(Duration.ZERO, Duration.ofSeconds(30));
        assertThat(clockApi.get("/actuator/clock").json().get("adjusted").asBoolean()).isTrue();
        assertThat(clockApi.post("/actuator/clock", "{\"at\":\"yesterday\"}").status()).isEqualTo(400);
        Api.Response reset = clockApi.delete("/actuator/clock");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("adjusted").asBoolean()).isFalse();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void responsiblesAreSetByUserIdAndShownOnTheAction() {
        String[] ids = planWithActionEnding("2031-08-31");
        String path = "/api/plans/" + ids[0] + "/actions/" + ids[1] + "/responsibles";
        ok(as(owner).put(path, "{\"userIds\":[\"lhernandez\",\"jgomez\"]}"));
        JsonNode plan = as(owner).get("/api/plans/" + ids[0]).json();
        JsonNode action = plan.get("findings").get(0).get("actions").get(0);
        assertThat(action.get("responsibles")).extracting(JsonNode::asText).containsExactly("lhernandez", "jgomez");

        Api.Response bad = as(owner).with(Map.of("Accept-Language", "en")).put(path, "{\"userIds\":[\"Luz Hernández\"]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("rule").asText()).isEqualTo("action.responsible-user-id");
        assertThat(bad.json().get("detail").asText()).contains("user id");
        Api.Response missing = as(owner).put(path, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    /**
     * The daily run is a row of db-scheduler's table: due at the institution's next 00:05, and a run missed while
     * every instance was down is done when one starts again, then due the next day.
     */
    /** What the service's auto-configured schedule runs, polled faster than its minute. */
    private DailyTask dailySweep() {
        return new DailyTask(dataSource, sweep.taskName(), clock.getZone(), LocalTime.of(0, 5), Duration.ofMillis(200),
                sweep::sweepOnSchedule);
    }

    @Test
    void theDailyScheduleIsPersistentAndCatchesUpAMissedRun() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DailyTask first = dailySweep();
        first.startScheduler();
        Instant due = awaitRow(jdbc);
        assertThat(due.atZone(clock.getZone()).toLocalTime().toString()).isEqualTo("00:05");
        first.stop();

        // A run missed while every instance was down (the row outlives the services, and earlier runs of this test).
        jdbc.sql("update scheduled_tasks set execution_time = now() - interval '2 days', last_success = null "
                        + "where task_name = :task")
                .param("task", DeadlineSweep.TASK).update();
        DailyTask restarted = dailySweep();
        restarted.startScheduler();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Map<String, Object> row = Map.of();
            while (System.nanoTime() < deadline) {
                row = jdbc.sql("select last_success, execution_time from scheduled_tasks where task_name = :task")
                        .param("task", DeadlineSweep.TASK).query().singleRow();
                if (row.get("last_success") != null) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(row.get("last_success")).as("the missed run was done at start").isNotNull();
            Instant next = ((java.sql.Timestamp) row.get("execution_time")).toInstant();
            assertThat(next).isAfter(Instant.now());
        } finally {
            restarted.stop();
        }
    }

    private static Instant awaitRow(JdbcClient jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<java.sql.Timestamp> rows = jdbc.sql(
                            "select execution_time from scheduled_tasks where task_name = :task")
                    .param("task", DeadlineSweep.TASK).query(java.sql.Timestamp.class).list();
            if (!rows.isEmpty()) {
                return rows.get(0).toInstant();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no scheduled_tasks row for " + DeadlineSweep.TASK);
    }
}
