package org.mejora.reporting.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.EvaluationStepDeadlineNeared;
import org.mejora.evaluation.api.EvaluationStepOverdue;
import org.mejora.evaluation.api.Stage;
import org.mejora.identity.Role;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionBecameOverdue;
import org.mejora.plan.api.ActionDeadlineNeared;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionResponsiblesAssigned;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.Signature;
import org.mejora.plan.api.state.InstitutionTime;
import org.mejora.reporting.support.EventStream;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TopicProbe;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders reach people once each: an action's responsible and its plan's owner, a plan's reviewer, a servant, their
 * supervisor and HR, through the test run's real GreenMail and the real broker and database. The deadline facts
 * are published on the plan and evaluation topics as plan- and evaluation-service publish them; the service is
 * restarted, a redelivery and a rebuild happen, and nothing is told twice.
 */
class ReminderDeliveryIT {

    private final String institution = TestIdentities.newInstitution();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String owner = "owner-" + run;
    private final String responsible = "resp-" + run;
    private final String reviewer = "rev-" + run;
    private final String servant = "servant-" + run;
    private final String supervisor = "boss-" + run;
    private final String hr = "hr-" + run;
    private final String planId = "plan-" + run;
    private final String actionId = "action-" + run;
    private final LocalDate today = InstitutionTime.today(Clock.system(InstitutionTime.DEFAULT_ZONE));
    private final LocalDate due = today.plusDays(7);
    private final EventStream plan = new EventStream("Plan", planId, institution);
    private ReportingInstance reporting;

    @AfterEach
    void stop() {
        if (reporting != null) {
            reporting.close();
        }
    }

    @Test
    void eachReminderArrivesOnceInTheRecipientsLanguageWithItsLinkThroughRestartsRedeliveriesAndRebuilds() {
        reporting = ReportingInstance.start(Map.of());
        register(owner, "es", Role.PLAN_OWNER);
        register(responsible, "en", Role.PLAN_OWNER);
        register(reviewer, "es", Role.PLAN_REVIEWER);

        publishPlan(List.of(
                plan.next(at(-30), actor(owner, "PLAN_OWNER"), created("Plan de mejoramiento " + run)),
                plan.next(at(-29), actor(owner, "PLAN_OWNER"), new ActionAdded(planId, "finding-" + run, actionId,
                        details("Actualizar el procedimiento"))),
                plan.next(at(-28), actor(owner, "PLAN_OWNER"),
                        new ActionResponsiblesAssigned(planId, actionId, List.of(responsible))),
                plan.next(at(-27), actor(reviewer, "PLAN_REVIEWER"), new PlanReviewed(planId,
                        new Signature("Revisora", "PLAN_REVIEWER", "Jefe", today.minusDays(27), reviewer), "ok"))));

        // 7 days before: the responsible (English) is told, by the day's digest; the owner is not.
        moveClockTo(today);
        EventEnvelope sevenDays = plan.next(at(0), system(), new ActionDeadlineNeared(planId, actionId, due, 7, today));
        publishPlan(List.of(sevenDays));
        awaitNotifications(responsible, 1);
        runDigestAndOutbox();
        List<Mailboxes.Mail> toResponsible = awaitMails(responsible, 1);
        assertThat(toResponsible.get(0).subject()).isEqualTo("Mejora: the action \"1. Actualizar el procedimiento\" is due soon");
        assertThat(toResponsible.get(0).body()).contains("7 days left")
                .contains("https://mejora.example.org/plans/" + planId + "/actions/" + actionId);
        assertThat(notifications(owner).path("total").asLong()).isZero();

        // A redelivery of the same event, and the producer raising the same fact again: nothing new.
        publishPlan(List.of(sevenDays,
                plan.next(at(0), system(), new ActionDeadlineNeared(planId, actionId, due, 7, today))));
        // 1 day before.
        moveClockTo(due.minusDays(1));
        publishPlan(List.of(plan.next(at(0), system(),
                new ActionDeadlineNeared(planId, actionId, due, 1, due.minusDays(1)))));
        awaitNotifications(responsible, 2);
        runDigestAndOutbox();
        assertThat(awaitMails(responsible, 2).get(1).body()).contains("1 days left");

        // Overdue: the responsible and the owner (Spanish) at once, without waiting for a digest.
        moveClockTo(due.plusDays(1));
        publishPlan(List.of(plan.next(at(0), system(),
                new ActionBecameOverdue(planId, actionId, due, due.plusDays(1)))));
        Mailboxes.Mail toOwner = awaitMails(owner, 1).get(0);
        assertThat(toOwner.subject()).isEqualTo("Mejora: la acción «1. Actualizar el procedimiento» está vencida");
        assertThat(toOwner.body()).contains("venció el").contains("no está implementada")
                .contains("https://mejora.example.org/plans/" + planId + "/actions/" + actionId);
        assertThat(awaitMails(responsible, 3).get(2).subject()).contains("is overdue");

        // Implemented: the plan's reviewer is told that a verification waits.
        publishPlan(List.of(plan.next(at(0), actor(responsible, "PLAN_OWNER"),
                new ActionImplemented(planId, actionId, "acta.pdf", "hecho", due.plusDays(1)))));
        awaitNotifications(reviewer, 1);
        runDigestAndOutbox();
        assertThat(awaitMails(reviewer, 1).get(0).subject()).isEqualTo(
                "Mejora: la acción «1. Actualizar el procedimiento» espera su verificación");

        // A restart of the service (its clock back on the system's), then another run of the jobs: nothing is sent
        // again.
        reporting.close();
        reporting = ReportingInstance.start(Map.of());
        runDigestAndOutbox();
        // A rebuild of reporting's projections: what was sent stays sent.
        rebuild();
        runDigestAndOutbox();
        settle();
        assertThat(Mailboxes.of(mail(responsible))).hasSize(3);
        assertThat(Mailboxes.of(mail(owner))).hasSize(1);
        assertThat(Mailboxes.of(mail(reviewer))).hasSize(1);

        // The in-app list shows the same, newest first, in the caller's language; reading one lowers the count.
        JsonNode listed = notifications(responsible);
        assertThat(listed.path("total").asLong()).isEqualTo(3);
        assertThat(listed.path("items").get(0).path("kind").asText()).isEqualTo("ACTION_OVERDUE");
        assertThat(listed.path("items").get(2).path("text").asText()).contains("faltan 7 días");
        Api asResponsible = as(responsible, Role.PLAN_OWNER);
        assertThat(asResponsible.get("/api/reports/notifications/unread-count").json().path("unread").asLong())
                .isEqualTo(3);
        long first = listed.path("items").get(0).path("id").asLong();
        assertThat(asResponsible.post("/api/reports/notifications/" + first + "/read", "").status()).isEqualTo(200);
        assertThat(asResponsible.get("/api/reports/notifications/unread-count").json().path("unread").asLong())
                .isEqualTo(2);
        assertThat(as(owner, Role.PLAN_OWNER).post("/api/reports/notifications/" + first + "/read", "").status())
                .as("someone else's notification").isEqualTo(404);

        // Re-planned: the action's new date brings new reminders.
        LocalDate later = due.plusDays(30);
        publishPlan(List.of(plan.next(at(0), system(),
                new ActionDeadlineNeared(planId, actionId, later, 7, later.minusDays(7)))));
        awaitNotifications(responsible, 4);
        runDigestAndOutbox();
        assertThat(awaitMails(responsible, 4).get(3).body()).contains("7 days left");
        System.out.printf("REMINDERS exactly once: responsible %d mails, owner %d, reviewer %d after a restart, a "
                        + "redelivery, a duplicate fact and a rebuild%n", Mailboxes.of(mail(responsible)).size(),
                Mailboxes.of(mail(owner)).size(), Mailboxes.of(mail(reviewer)).size());
    }

    @Test
    void evaluationStepsRemindTheServantAndSupervisorAndHrGetsADigestOfLateSteps() {
        reporting = ReportingInstance.start(Map.of());
        register(servant, "es", Role.SERVANT);
        register(supervisor, "en", Role.SUPERVISOR);
        register(hr, "es", Role.HR);
        String evaluationId = "evaluation-" + run;
        String second = "evaluation-2-" + run;
        EventStream evaluation = new EventStream("Evaluation", evaluationId, institution);
        EventStream other = new EventStream("Evaluation", second, institution);
        LocalDate deadline = today.plusDays(1);
        List<EventEnvelope> events = List.of(
                evaluation.next(at(-10), actor(hr, "HR"), opened(evaluationId, "Ana Servidora")),
                other.next(at(-10), actor(hr, "HR"), opened(second, "Luis Servidor")),
                evaluation.next(at(0), system(), new EvaluationStepDeadlineNeared(evaluationId, Stage.FORMULATION,
                        EvaluationStatus.GOALS_FORMULATION, deadline, 1, today)),
                evaluation.next(at(0), system(), new EvaluationStepOverdue(evaluationId, Stage.FORMULATION,
                        EvaluationStatus.GOALS_FORMULATION, deadline, deadline.plusDays(1))),
                other.next(at(0), system(), new EvaluationStepOverdue(second, Stage.FORMULATION,
                        EvaluationStatus.GOALS_IN_REVIEW, deadline, deadline.plusDays(1))));
        TopicProbe.publish("mejora.evaluation.events", events);

        // Overdue: at once, to the servant and the supervisor of each evaluation.
        Mailboxes.Mail toServant = awaitMails(servant, 2).stream()
                .filter(m -> m.body().contains("Ana Servidora")).findFirst().orElseThrow();
        assertThat(toServant.subject()).isEqualTo("Mejora: un paso de la evaluación de Ana Servidora está vencido");
        assertThat(toServant.body()).contains("formular las metas")
                .contains("https://mejora.example.org/evaluations/" + evaluationId);
        awaitMails(supervisor, 2);
        // HR: nothing until the digest, then one mail with both late steps.
        awaitNotifications(hr, 2);
        assertThat(Mailboxes.of(mail(hr))).isEmpty();
        runDigestAndOutbox();
        List<Mailboxes.Mail> toHr = awaitMails(hr, 1);
        assertThat(toHr.get(0).subject()).isEqualTo("Mejora: 2 recordatorios de hoy");
        assertThat(toHr.get(0).body()).contains("Ana Servidora").contains("Luis Servidor")
                .contains("/evaluations/" + second);
        // The servant's due-soon reminder went with the digest run; the supervisor's in English.
        List<Mailboxes.Mail> toSupervisor = awaitMails(supervisor, 3);
        assertThat(toSupervisor).anyMatch(m -> m.body().contains("formulate the goals") && m.body().contains("1 days left"));
        runDigestAndOutbox();
        settle();
        assertThat(Mailboxes.of(mail(servant))).hasSize(3);
        assertThat(Mailboxes.of(mail(supervisor))).hasSize(3);
        assertThat(Mailboxes.of(mail(hr))).hasSize(1);
    }

    @Test
    void digestsTurnedOffStillLetOverdueNoticesThroughAndPeopleWithoutAddressOnlySeeThemInTheApp() {
        reporting = ReportingInstance.start(Map.of());
        register(owner, "es", Role.PLAN_OWNER);
        register(responsible, "es", Role.PLAN_OWNER);
        Api asResponsible = as(responsible, Role.PLAN_OWNER);
        Api.Response off = asResponsible.put("/api/reports/notifications/preferences",
                "{\"language\":\"en\",\"digests\":false}");
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().path("language").asText()).isEqualTo("en");
        assertThat(asResponsible.put("/api/reports/notifications/preferences", "{\"language\":\"fr\",\"digests\":true}")
                .status()).isEqualTo(400);
        String stranger = "nomail-" + run;
        publishPlan(List.of(
                plan.next(at(-30), actor(owner, "PLAN_OWNER"), created("Plan " + run)),
                plan.next(at(-29), actor(owner, "PLAN_OWNER"), new ActionAdded(planId, "finding-" + run, actionId,
                        details("Capacitar al personal"))),
                plan.next(at(-28), actor(owner, "PLAN_OWNER"),
                        new ActionResponsiblesAssigned(planId, actionId, List.of(responsible, stranger))),
                plan.next(at(0), system(), new ActionDeadlineNeared(planId, actionId, due, 7, today)),
                plan.next(at(0), system(), new ActionBecameOverdue(planId, actionId, due, due.plusDays(1)))));
        awaitNotifications(responsible, 2);
        awaitNotifications(stranger, 2);
        runDigestAndOutbox();
        List<Mailboxes.Mail> mails = awaitMails(responsible, 1);
        settle();
        assertThat(Mailboxes.of(mail(responsible))).hasSize(1);
        assertThat(mails.get(0).subject()).contains("is overdue");
    }

    @Test
    void mailWaitsWhileTheSmtpServerIsDownAndGoesOutOnceItIsBack() throws Exception {
        int port = freePort();
        reporting = ReportingInstance.start(Map.of("spring.mail.port", String.valueOf(port)));
        register(owner, "es", Role.PLAN_OWNER);
        publishPlan(List.of(
                plan.next(at(-30), actor(owner, "PLAN_OWNER"), created("Plan " + run)),
                plan.next(at(-29), actor(owner, "PLAN_OWNER"), new ActionAdded(planId, "finding-" + run, actionId,
                        details("Medir el indicador"))),
                plan.next(at(0), system(), new ActionBecameOverdue(planId, actionId, due, due.plusDays(1)))));
        awaitNotifications(owner, 1);
        org.springframework.jdbc.core.simple.JdbcClient jdbc =
                reporting.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select attempts from notification_outbox where recipient_id = ?").param(owner)
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2));
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> server.getReceivedMessages().length >= 1);
            settle();
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getSubject()).contains("está vencida");
            System.out.printf("REMINDERS SMTP down: %d attempts before the server came back, 1 mail after%n",
                    jdbc.sql("select attempts from notification_outbox where recipient_id = ?").param(owner)
                            .query(Integer.class).single());
        } finally {
            server.stop();
        }
    }

    // --- helpers

    private void register(String userId, String language, Role role) {
        Api.Response registered = as("admin-" + run, Role.ADMIN).put("/api/reports/notifications/people/" + userId,
                "{\"name\":\"%s\",\"email\":\"%s\",\"language\":\"%s\",\"roles\":[\"%s\"]}"
                        .formatted(userId, mail(userId), language, role));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    }

    /** Moves reporting-service's one Clock (contract 1) to 09:00 of that day in the institutions' zone. */
    private void moveClockTo(LocalDate day) {
        String at = day.atTime(9, 0).atZone(InstitutionTime.DEFAULT_ZONE).toInstant().toString();
        Api.Response moved = Api.at("http://localhost:" + reporting.port()).post("/actuator/clock",
                "{\"at\":\"" + at + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("today").asText()).isEqualTo(day.toString());
    }

    private void publishPlan(List<EventEnvelope> events) {
        TopicProbe.publish("mejora.plan.events", events);
    }

    private void runDigestAndOutbox() {
        Api.Response ran = Api.at("http://localhost:" + reporting.port())
                .with(TestIdentities.headers(TestIdentities.user("plataforma", "mejora-plataforma",
                        Role.PLATFORM_ADMIN)))
                .post("/api/reports/admin/notification-runs", "");
        assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
        assertThat(ran.json().path("failed").asInt()).as(ran.toString()).isZero();
    }

    private void rebuild() {
        Api admin = as("plataforma", Role.PLATFORM_ADMIN);
        Api.Response started = admin.post("/api/reports/rebuilds?replaceAnyway=true", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(admin.get("/api/reports/rebuilds/current").json().path("state").asText())
                        .isIn("COMPLETED", "FAILED"));
        assertThat(admin.get("/api/reports/rebuilds/current").json().path("state").asText()).isEqualTo("COMPLETED");
    }

    private JsonNode notifications(String userId) {
        return as(userId, Role.PLAN_OWNER).with(Map.of("Accept-Language", "es")).get("/api/reports/notifications")
                .json();
    }

    private void awaitNotifications(String userId, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(notifications(userId).path("total").asLong()).isEqualTo(count));
    }

    private static List<Mailboxes.Mail> awaitMails(String userId, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Mailboxes.of(mail(userId))).hasSizeGreaterThanOrEqualTo(count));
        List<Mailboxes.Mail> mails = Mailboxes.of(mail(userId));
        assertThat(mails).as("mails to " + userId).hasSize(count);
        return mails;
    }

    /** Long enough for a second, wrong send to arrive: several rounds of the outbox job. */
    private static void settle() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Api as(String userId, Role... roles) {
        return Api.at("http://localhost:" + reporting.port())
                .with(TestIdentities.headers(TestIdentities.user(userId, institution, roles)));
    }

    private static String mail(String userId) {
        return userId + "@test.mejora.local";
    }

    private PlanCreated created(String title) {
        return new PlanCreated(planId, institution, PlanKind.AUDIT, title, "ALCALDIA", "Gestión", "GES-PR011",
                "Planeación", null, "GEM-FM014", "02", "2027", null);
    }

    private EvaluationOpened opened(String evaluationId, String servantName) {
        return new EvaluationOpened(evaluationId, "cycle-" + run, institution, 2027, servant, servantName,
                supervisor, "Jorge Jefe", List.of(), null, null, "Satisfactorio", null, List.of());
    }

    private static ActionDetails details(String name) {
        return new ActionDetails("1", name, "descripción", "objetivo", List.of(), "indicador", "recursos",
                "Planeación", "Jefe", "Dirección", "2027-01-01", "2027-06-30", 6, "");
    }

    private static Instant at(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    private static Actor actor(String userId, String role) {
        return new Actor(userId, role, userId);
    }

    private static Actor system() {
        return new Actor("system", "SYSTEM", "Mejora");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
