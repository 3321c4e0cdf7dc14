package org.mejora.system.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.system.SystemUnderTest;
import org.mejora.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screen 3: a plan from its spreadsheet. Seed 001 as it was given ("004-21" as a start date) is rejected with that
 * cell named; the corrected file becomes a draft plan. A plan in execution takes its follow-up sheet.
 */
class ImportBrowserIT {

    private static final Pattern PLAN_URL = Pattern.compile("/plans/([0-9a-f-]{36})$");

    @Test
    void aRejectedCellIsNamedAndTheCorrectedFileOpensTheNewPlan() throws IOException {
        String institution = Screens.newInstitution("import");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        Path corrected = demoPlan();
        // Seed 001 itself: the demo copy with its one unreadable cell put back.
        Path seed = Files.createTempDirectory("import").resolve("plan-001-GEM-FM014.tsv");
        Files.writeString(seed, Files.readString(corrected, StandardCharsets.UTF_8).replace("ago-21", "004-21"),
                StandardCharsets.UTF_8);

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            browser.click(By.linkText("Importar"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Importar un plan");
            browser.assertAccessible();
            browser.screenshot("30-import-form");

            browser.find(By.id("file")).sendKeys(seed.toString());
            browser.type(By.id("period"), "2021");
            browser.click(By.cssSelector("form.upload button[type=submit]"));
            browser.awaitText("El archivo no se importó");
            List<WebElement> cells = browser.findAll(By.cssSelector("table.cells tbody tr"));
            assertThat(cells).hasSize(1);
            assertThat(cells.get(0).findElements(By.tagName("td"))).extracting(WebElement::getText)
                    .containsExactly("plan-001-GEM-FM014.tsv", "23", "Fecha inicial de la Acción", "004-21",
                            "import.cell.date",
                            "No es una fecha: use un día (2021-09-21), un mes (jun-21) o un trimestre (T1-2023).");
            // The form stays, with what the user chose, for the corrected file.
            assertThat(browser.find(By.id("period")).getAttribute("value")).isEqualTo("2021");
            browser.assertAccessible();
            screenshotWholePage(browser, "31-import-rejected");

            // In English the same cell is named in English.
            browser.open("/imports/new?lang=en");
            browser.find(By.id("file")).sendKeys(seed.toString());
            browser.click(By.cssSelector("form.upload button[type=submit]"));
            browser.awaitText("The file was not imported");
            assertThat(browser.find(By.cssSelector("table.cells tbody tr")).getText()).contains("Not a date");
            browser.open("/imports/new?lang=es");

            browser.find(By.id("file")).sendKeys(corrected.toString());
            browser.type(By.id("period"), "2021");
            browser.click(By.cssSelector("form.upload button[type=submit]"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.urlMatches(PLAN_URL.pattern()));
            Matcher url = PLAN_URL.matcher(browser.currentUrl());
            assertThat(url.find()).isTrue();

            JsonNode plan = Screens.api(owner, institution, "PLAN_OWNER").get("/api/plans/" + url.group(1)).json();
            assertThat(plan.path("status").asText()).isEqualTo("DRAFT");
            assertThat(plan.path("formatCode").asText()).isEqualTo("GEM-FM014");
            assertThat(plan.path("period").asText()).isEqualTo("2021");
            assertThat(plan.path("findings")).hasSize(2);
            assertThat(plan.path("findings").get(0).path("actions").get(0).path("start").asText())
                    .isEqualTo("2021-08");
        }
    }

    @Test
    void aPreviewShowsWhatTheFileWouldBecomeAndImportsTheFileShown() throws IOException {
        String institution = Screens.newInstitution("preview");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        // Seed 001 with finding 1 spanning two action rows, as a merged cell exports to TSV.
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(demoPlan(), StandardCharsets.UTF_8));
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("1\t")).findFirst().orElseThrow());
        lines.add(first + 1, "\t\tProgramar reuniones trimestrales con cada dependencia responsable\t"
                + "% Cumplimiento al Plan de Acción\t3\tsept-21\tdic-21\tSecretaría de Planeación");
        Path file = Files.createTempDirectory("preview").resolve("plan-001-dos-acciones.tsv");
        Files.write(file, lines, StandardCharsets.UTF_8);

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            browser.open("/imports/new");
            browser.find(By.id("file")).sendKeys(file.toString());
            browser.click(By.cssSelector("form.upload button[name=preview]"));
            browser.awaitText("Esto es lo que se importaría");
            assertThat(browser.findAll(By.cssSelector("section.preview table.cells:not(.warnings) tbody tr")))
                    .hasSize(3);
            assertThat(browser.find(By.cssSelector("table.warnings tbody tr")).getText())
                    .contains("se añade al hallazgo 1");
            assertThat(Screens.api(owner, institution, "PLAN_OWNER").get("/api/plans").json().get("items")).isEmpty();
            browser.assertAccessible();
            screenshotWholePage(browser, "31b-import-preview");

            browser.click(By.cssSelector("section.preview form.confirm button[type=submit]"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.urlMatches(PLAN_URL.pattern()));
            Matcher url = PLAN_URL.matcher(browser.currentUrl());
            assertThat(url.find()).isTrue();
            JsonNode plan = Screens.api(owner, institution, "PLAN_OWNER").get("/api/plans/" + url.group(1)).json();
            assertThat(plan.path("findings").get(0).path("actions")).hasSize(2);
        }
    }

    @Test
    void aPlanInExecutionTakesItsFollowUpSheet() throws IOException {
        String institution = Screens.newInstitution("follow");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        String planId = PlanSetUp.inExecution(institution, owner, demoPlan());
        JsonNode plan = Screens.api(owner, institution, "PLAN_OWNER").get("/api/plans/" + planId).json();
        String first = plan.path("findings").get(0).path("actions").get(0).path("name").asText();
        String second = plan.path("findings").get(1).path("actions").get(0).path("name").asText();
        // The "SEGUIMIENTO AVANCES" layout of seed 003: action 1 at 50 %, action 2 at 25 %.
        Path sheet = Files.createTempDirectory("follow").resolve("seguimiento.tsv");
        Files.writeString(sheet, String.join("\n",
                "SEGUIMIENTO AVANCES DEL PLAN DE MEJORA INSTITUCIONAL", "",
                "No.\tACCION DE MEJORA\tTAREAS\tAÑO\tRESPONSABLE\tESTADO DE REALIZACION\t\t\t\t\tRESULTADO FINAL\tCOMENTARIOS",
                "\t\t\t\t\t0%\t25%\t50%\t75%\t100%\t\t",
                "1\t" + first + "\t\t2026\tSecretaría de Planeación\t\t\tx\t\t\t\tMesa de trabajo instalada",
                "2\t" + second + "\t\t2026\tSecretaría de Planeación\t\tx\t\t\t\t\t", ""), StandardCharsets.UTF_8);

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            browser.open("/plans/" + planId + "/follow-up-import");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Importar el seguimiento");
            browser.assertAccessible();
            browser.find(By.id("file")).sendKeys(sheet.toString());
            browser.click(By.cssSelector("form.upload button[type=submit]"));
            browser.awaitText("Se leyeron 2 filas y se registró el avance de 2 acciones.");
            browser.assertAccessible();
            browser.screenshot("38-import-follow-up");
        }
        JsonNode after = Screens.api(owner, institution, "PLAN_OWNER").get("/api/plans/" + planId).json();
        assertThat(after.path("findings").get(0).path("actions").get(0).path("percent").asInt()).isEqualTo(50);
        assertThat(after.path("findings").get(1).path("actions").get(0).path("percent").asInt()).isEqualTo(25);
    }

    /** The whole page, not only what the window shows: the window grows to the page's height for the picture. */
    static void screenshotWholePage(Browser browser, String name) {
        Dimension window = browser.driver().manage().window().getSize();
        Number height = (Number) browser.driver().executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(window.getWidth(),
                Math.max(window.getHeight(), height.intValue() + 200)));
        // Charts redraw at the new size on the next frames.
        browser.driver().executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));");
        browser.screenshot(name);
        browser.driver().manage().window().setSize(window);
    }

    /** infra/demo's copy of seed 001, the one the demo loads. */
    static Path demoPlan() {
        Path root = Path.of(System.getenv().getOrDefault("MEJORA_ROOT", "../..")).toAbsolutePath();
        return root.resolve("infra/demo/plan-001-GEM-FM014.tsv");
    }

    /** Set-up through the API as the users of the institution would: seed 001 imported, signed and started. */
    static final class PlanSetUp {

        private PlanSetUp() {
        }

        /** A TSV plan imported through the API as the owner would; its plan id. */
        static String imported(Api owner, Path file, String kind, String period) throws IOException {
            Api.Response imported = owner.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/plans/imports?fileName="
                            + file.getFileName() + "&kind=" + kind + "&period=" + period))
                    .header("Content-Type", "text/tab-separated-values")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file))));
            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
            return imported.json().path("planId").asText();
        }

        static String inExecution(String institution, String owner, Path file) throws IOException {
            Api asOwner = Screens.api(owner, institution, "PLAN_OWNER");
            String planId = imported(asOwner, file, "AUDIT", "2026");
            Api reviewer = Screens.api("reviewer-" + institution, institution, "PLAN_REVIEWER");
            Api approver = Screens.api("approver-" + institution, institution, "PLAN_APPROVER");
            expect(asOwner.post("/api/plans/" + planId + "/submission", "{}"));
            expect(reviewer.post("/api/plans/" + planId + "/review", "{}"));
            expect(approver.post("/api/plans/" + planId + "/approval", "{}"));
            expect(approver.post("/api/plans/" + planId + "/execution", "{}"));
            return planId;
        }

        static void expect(Api.Response response) {
            assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        }

        static String apiUrl() {
            String running = System.getenv("MEJORA_SCREENS_API");
            return running != null && !running.isBlank() ? running.replaceAll("/+$", "")
                    : "http://localhost:" + SystemUnderTest.get().port("gateway");
        }
    }
}
