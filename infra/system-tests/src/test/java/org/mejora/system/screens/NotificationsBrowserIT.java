package org.mejora.system.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.mejora.testing.TestInfrastructure;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders in the web app: the unread badge in the header of every page, the list with a link to each action, mark
 * as read, and the preferences page, in Spanish and English; the overdue notice also reached the owner's mailbox.
 * The plan and its actions are made through plan-service's API, and plan-service's deadline sweep raises the facts.
 */
class NotificationsBrowserIT {

    @Test
    void theBadgeCountsUnreadRemindersAndTheListLeadsToTheAction() throws Exception {
        String institution = Screens.newInstitution("notify");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
        Api asOwner = Screens.api(owner, institution, "PLAN_OWNER");
        Api admin = Screens.api("admin-" + institution, institution, "ADMIN");
        String address = owner + "@demo.mejora.local";
        assertThat(admin.put("/api/reports/notifications/people/" + owner, """
                {"name":"Olga Owner","email":"%s","language":"es","roles":["PLAN_OWNER"]}""".formatted(address))
                .status()).isEqualTo(200);
        String planId = asOwner.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de mejoramiento - Gestión Documental","period":"%d",
                 "auditedProcess":"Gestión Documental","formatCode":"GEM-FM014","formatVersion":"02"}"""
                .formatted(today.getYear())).json().path("planId").asText();
        String late = action(asOwner, planId, "1", "Digitalizar el archivo central", today.minusDays(60),
                today.minusDays(1));
        String soon = action(asOwner, planId, "2", "Actualizar las tablas de retención", today.minusDays(30),
                today.plusDays(7));

        // plan-service's own deadline sweep, run now instead of at 00:05: it raises the overdue fact of the first
        // action and the 7-day reminder of the second (and whatever other tests' plans are due).
        Api platform = Screens.api("platform-admin", institution, "PLATFORM_ADMIN");
        Api.Response swept = platform.post("/api/plans/admin/deadline-sweeps", "");
        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
        assertThat(swept.json().path("raised").asInt()).isGreaterThanOrEqualTo(2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                asOwner.get("/api/reports/notifications/unread-count").json().path("unread").asLong()).isEqualTo(2));
        // The overdue notice went out at once; the due-soon one waits for the day's digest.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mails(address)).hasSize(1));
        JsonNode mail = mails(address).get(0);
        assertThat(mail.path("subject").asText()).contains("Digitalizar el archivo central");
        // The body is quoted-printable: its soft line breaks may fall inside the link.
        assertThat(mail.path("mimeMessage").asText().replace("=\r\n", "").replace("=\n", "")).contains("/plans/" + planId + "/actions/" + late);

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(browser.find(By.cssSelector("header .bell .badge")).getText()).isEqualTo("2"));
            browser.click(By.cssSelector("header .bell"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Notificaciones");
            assertThat(browser.text()).contains("2 notificaciones, 2 sin leer.", "Acción vencida",
                    "Acción por vencer", "«1. Digitalizar el archivo central»", "(faltan 7 días)");
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "60-notifications-list");

            // "Abrir" of the overdue one marks it read and opens the action's page; the badge counts one.
            browser.click(By.xpath("//ol[contains(@class,'notification-list')]/li[contains(., 'Digitalizar')]"
                    + "//button[@name='open']"));
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.currentUrl().contains("/actions/" + late));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(browser.find(By.cssSelector("header .bell .badge")).getText()).isEqualTo("1"));
            ImportBrowserIT.screenshotWholePage(browser, "61-notifications-badge-action");

            browser.open("/notifications/preferences");
            assertThat(browser.text()).contains("Los correos llegan a " + address);
            browser.click(By.cssSelector("input[name=language][value=en]"));
            browser.click(By.cssSelector("input[name=digests]"));
            browser.click(By.cssSelector("form.stacked button[type=submit]"));
            browser.awaitText("Preferencias guardadas.");
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "62-notifications-preferences");
            JsonNode preferences = asOwner.get("/api/reports/notifications/preferences").json();
            assertThat(preferences.path("language").asText()).isEqualTo("en");
            assertThat(preferences.path("digests").asBoolean()).isFalse();

            browser.open("/notifications?lang=en");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Notifications");
            assertThat(browser.text()).contains("2 notifications, 1 unread.", "Action overdue",
                    "\"2. Actualizar las tablas de retención\"", "(7 days left)");
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "63-notifications-list-en");
        }
    }

    private static List<JsonNode> mails(String address) {
        Api.Response answer = Api.at(TestInfrastructure.get().mailApiUrl())
                .get("/api/user/" + address + "/messages/INBOX");
        if (answer.status() != 200) {
            return List.of();
        }
        List<JsonNode> mails = new java.util.ArrayList<>();
        answer.json().forEach(mails::add);
        return mails;
    }

    private static String action(Api owner, String planId, String number, String name, LocalDate start,
                                 LocalDate end) {
        String findingId = owner.post("/api/plans/" + planId + "/findings", """
                {"number":"%s","description":"Hallazgo %s","source":{"type":"AUDIT"}}""".formatted(number, number))
                .json().path("findingId").asText();
        return owner.post("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                {"number":"%s","name":"%s","responsibleUnit":"Gestión Documental","responsibleRole":"Directora",
                 "start":"%s","end":"%s"}""".formatted(number, name, start, end))
                .json().path("actionId").asText();
    }
}
