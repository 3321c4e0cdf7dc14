package org.mejora.system.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** A follow-up with an evidence file: chosen on the progress form, listed on the action, downloaded as it was. */
class EvidenceFileBrowserIT {

    private static final byte[] MINUTES = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
            + "% Acta de la mesa de trabajo\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @Test
    void theOwnerAttachesMinutesToAFollowUpAndAnyoneWhoReadsThePlanDownloadsThem() throws Exception {
        String institution = Screens.newInstitution("evidence");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        String planId = ImportBrowserIT.PlanSetUp.inExecution(institution, owner, ImportBrowserIT.demoPlan());
        JsonNode plan = Screens.api(owner, institution, "PLAN_OWNER").get("/api/plans/" + planId).json();
        String actionId = plan.path("findings").get(0).path("actions").get(0).path("actionId").asText();
        Path minutes = Files.createTempDirectory("evidence").resolve("acta-mesa.pdf");
        Files.write(minutes, MINUTES);

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner).open("/plans/" + planId + "/actions/" + actionId);
            browser.click(By.cssSelector("label[for=percent-25]"));
            browser.type(By.id("progress-evidence"), "Acta de la mesa de trabajo");
            browser.find(By.id("progress-file")).sendKeys(minutes.toString());
            browser.click(By.cssSelector("form[action$='/progress'] button[type=submit]"));
            browser.awaitText("Archivos de evidencia");
            WebElement link = browser.find(By.linkText("acta-mesa.pdf"));
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(MINUTES));
            assertThat(browser.text()).contains("SHA-256 " + sha256.substring(0, 12));
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "22b-action-evidence-file");

            Cookie session = browser.driver().manage().getCookieNamed("MEJORA_SESSION");
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(link.getAttribute("href")))
                    .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(download.body()).isEqualTo(MINUTES);
        }
        JsonNode action = Screens.api(owner, institution, "PLAN_OWNER").get("/api/plans/" + planId).json()
                .path("findings").get(0).path("actions").get(0);
        assertThat(action.path("percent").asInt()).isEqualTo(25);
        assertThat(action.path("files").get(0).path("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(MINUTES)));
    }
}
