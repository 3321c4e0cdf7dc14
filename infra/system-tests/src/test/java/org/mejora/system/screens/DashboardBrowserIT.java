package org.mejora.system.screens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Screen 6 and the oversight part of 8: a plan in execution with four actions in four states, its charts and their
 * tables, the list behind a bar, the downloads through the web app, and OVERSIGHT comparing institutions.
 */
class DashboardBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLANNING = "Secretaría de Planeación";
    private static final String CONTROL = "Oficina de Control Interno";

    @Test
    void chartsTellTheNumbersAndLeadToTheActionsBehindThem() throws Exception {
        String institution = Screens.newInstitution("dash");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        String planId = planWithFourActions(institution, owner);

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            browser.click(By.linkText("Tableros"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Tablero de planes");
            awaitChartsDrawn(browser);
            assertThat(rows(browser, "status")).containsExactly(
                    List.of("Planeada", "1"), List.of("En ejecución", "2"), List.of("Cerrada", "1"));
            assertThat(rows(browser, "progress")).containsExactly(List.of("0 %", "1"), List.of("25 %", "1"),
                    List.of("50 %", "1"), List.of("75 %", "0"), List.of("100 %", "1"));
            assertThat(rows(browser, "timeliness")).containsExactly(List.of("Vencidas", "1"),
                    List.of("Vencen en 30 días", "1"));
            assertThat(rows(browser, "rates")).containsExactly(List.of("Cumplimiento", "100.0"),
                    List.of("Efectividad", "100.0"));
            assertThat(rows(browser, "unit")).containsExactly(
                    List.of(CONTROL, "2", "0", "62.5 %", "100.0 %", "100.0 %"),
                    List.of(PLANNING, "2", "1", "25.0 %", "sin verificar", "sin verificar"));
            assertThat(browser.find(By.id("overdue")).getText()).contains("1 · Socializar los resultados");
            assertThat(browser.find(By.id("due-soon")).getText()).contains("2 · Generar planes por dependencia");
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "32-dashboards");

            // A click on a bar opens the list behind it: what charts.js navigates to is the canvas's data-links.
            List<String> labels = jsonList(browser.find(By.cssSelector("#chart-unit canvas")).getAttribute("data-labels"));
            List<String> links = jsonList(browser.find(By.cssSelector("#chart-unit canvas")).getAttribute("data-links"));
            browser.open(links.get(labels.indexOf(PLANNING)));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Acciones del tablero");
            assertThat(browser.text()).contains("Dependencia: " + PLANNING, "2 acciones");
            List<WebElement> actions = browser.findAll(By.cssSelector("main table tbody tr td:first-child a"));
            assertThat(actions).extracting(WebElement::getText)
                    .containsExactly("1 · Socializar los resultados", "2 · Generar planes por dependencia");
            assertThat(actions.get(0).getAttribute("href")).contains("/plans/" + planId + "/actions/");
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "33-dashboard-list");

            // The tables lead to the same lists, for a keyboard: the "Cerrada" count opens the closed action.
            browser.open("/dashboards?planId=" + planId);
            awaitChartsDrawn(browser);
            browser.click(By.cssSelector("#chart-status tbody tr:last-child a"));
            browser.awaitText("Estado: Cerrada");
            assertThat(browser.findAll(By.cssSelector("main table tbody tr"))).hasSize(1);
            assertThat(browser.text()).contains("3 · Documentar el seguimiento");

            // Downloads, one click from the plan, through the web app with the browser's session.
            browser.open("/dashboards?planId=" + planId);
            String gem = browser.find(By.partialLinkText("GEM-FM014")).getAttribute("href");
            String pdf = browser.find(By.partialLinkText("(PDF)")).getAttribute("href");
            Cookie session = browser.driver().manage().getCookieNamed("MEJORA_SESSION");
            HttpResponse<byte[]> workbook = fetch(gem, session);
            assertThat(workbook.statusCode()).isEqualTo(200);
            assertThat(workbook.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            assertThat(workbook.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                    assertThat(disposition).startsWith("attachment").contains(".xlsx"));
            assertThat(workbook.body()).hasSizeGreaterThan(1000).startsWith((byte) 'P', (byte) 'K');
            HttpResponse<byte[]> report = fetch(pdf, session);
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(report.body(), 0, 5)).isEqualTo("%PDF-");
            render(report.body(), "39-follow-up-report-pdf");
        }

        try (Browser phone = Browser.phone(Screens.url())) {
            phone.signIn(owner);
            phone.open("/dashboards");
            awaitChartsDrawn(phone);
            assertThat(phone.driver().executeScript("return document.documentElement.scrollWidth <= 360"))
                    .isEqualTo(true);
            phone.assertAccessible();
            ImportBrowserIT.screenshotWholePage(phone, "37-dashboards-phone");
        }
    }

    @Test
    void oversightComparesInstitutionsItNames() throws Exception {
        String institution = Screens.newInstitution("watched");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        planWithFourActions(institution, owner);
        String empty = Screens.newInstitution("quiet");
        String overseer = Screens.user("veeduria", Screens.newInstitution("veeduria"), "Vera Veedora", "OVERSIGHT");

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(overseer);
            browser.click(By.linkText("Instituciones"));
            browser.type(By.id("add"), institution);
            browser.click(By.cssSelector("form.filters button[type=submit]"));
            browser.awaitText("Evaluaciones del desempeño: 0");
            browser.type(By.id("add"), empty);
            browser.click(By.cssSelector("form.filters button[type=submit]"));
            browser.awaitText(empty);
            assertThat(browser.currentUrl()).contains("institution=" + institution, "institution=" + empty);
            List<WebElement> cards = browser.findAll(By.cssSelector("article.institution"));
            assertThat(cards).hasSize(2);
            assertThat(cards.get(0).findElement(By.cssSelector("dl.figures")).getText())
                    .contains("acciones\n4", "vencidas\n1", "Cumplimiento\n100.0 %");
            assertThat(cards.get(1).getText()).contains("No hay acciones.");
            assertThat(browser.driver().executeScript(
                    "return document.querySelector('article.institution canvas').mejoraChart != null"))
                    .isEqualTo(true);
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "36-oversight");

            // The list behind a slice, for OVERSIGHT, is that institution's dashboard.
            browser.click(By.partialLinkText("Abrir el tablero de " + institution));
            awaitChartsDrawn(browser);
            assertThat(browser.text()).contains("Institución " + institution);
            assertThat(rows(browser, "status")).contains(List.of("Cerrada", "1"));
            assertThat(browser.findAll(By.cssSelector("#overdue a"))).isEmpty();
            browser.assertAccessible();
        }
    }

    @Test
    void aCafPlanIsComparedByCriterion() throws Exception {
        String institution = Screens.newInstitution("caf");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        Api asOwner = Screens.api(owner, institution, "PLAN_OWNER");
        Path caf = ImportBrowserIT.demoPlan().resolveSibling("plan-003-CAF.tsv");
        String planId = ImportBrowserIT.PlanSetUp.imported(asOwner, caf, "CAF_SELF_ASSESSMENT", "2023");
        int actions = asOwner.get("/api/plans/" + planId).json().path("findings").size();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(asOwner.get("/api/reports/dashboards/plans").json().path("actions").asInt())
                        .isEqualTo(actions));

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            browser.open("/dashboards");
            awaitChartsDrawn(browser);
            List<List<String>> criteria = rows(browser, "criterion");
            assertThat(criteria).isNotEmpty();
            assertThat(criteria.get(0).get(0)).startsWith("CRITERIO 1");
            assertThat(criteria.stream().mapToInt(row -> Integer.parseInt(row.get(1))).sum()).isEqualTo(actions);
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "40-dashboards-caf");
            String count = criteria.get(0).get(1);
            browser.click(By.cssSelector("#chart-criterion tbody tr:first-child a"));
            browser.awaitText("Criterio CAF: CRITERIO 1");
            assertThat(browser.findAll(By.cssSelector("main table tbody tr"))).hasSize(Integer.parseInt(count));
        }
    }

    /**
     * Four actions of two units, set up as the institution's users would: 1 overdue and untouched, 2 at 50 % and due
     * within ten days, 3 implemented, verified and closed, 4 at 25 %. Waits until reporting shows them.
     */
    static String planWithFourActions(String institution, String owner) {
        LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
        Api asOwner = Screens.api(owner, institution, "PLAN_OWNER");
        Api reviewer = Screens.api("reviewer-" + institution, institution, "PLAN_REVIEWER");
        Api approver = Screens.api("approver-" + institution, institution, "PLAN_APPROVER");
        String planId = asOwner.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de mejoramiento - Gestión Estratégica","period":"%d",
                 "auditedProcess":"Gestión Estratégica","formatCode":"GEM-FM014","formatVersion":"02"}"""
                .formatted(today.getYear())).json().path("planId").asText();
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("1", action(asOwner, planId, "1", "Socializar los resultados", PLANNING, today.minusDays(90),
                today.minusDays(30)));
        actions.put("2", action(asOwner, planId, "2", "Generar planes por dependencia", PLANNING, today.minusDays(60),
                today.plusDays(10)));
        actions.put("3", action(asOwner, planId, "3", "Documentar el seguimiento", CONTROL, today.minusDays(60),
                today.plusDays(200)));
        actions.put("4", action(asOwner, planId, "4", "Capacitar a las dependencias", CONTROL, today.minusDays(60),
                today.plusDays(300)));
        ImportBrowserIT.PlanSetUp.expect(asOwner.post("/api/plans/" + planId + "/submission", "{}"));
        ImportBrowserIT.PlanSetUp.expect(reviewer.post("/api/plans/" + planId + "/review", "{}"));
        ImportBrowserIT.PlanSetUp.expect(approver.post("/api/plans/" + planId + "/approval", "{}"));
        ImportBrowserIT.PlanSetUp.expect(approver.post("/api/plans/" + planId + "/execution", "{}"));
        String path = "/api/plans/" + planId + "/actions/";
        ImportBrowserIT.PlanSetUp.expect(asOwner.post(path + actions.get("2") + "/progress",
                "{\"percent\":50,\"evidence\":\"Actas de reunión\"}"));
        ImportBrowserIT.PlanSetUp.expect(asOwner.post(path + actions.get("4") + "/progress",
                "{\"percent\":25,\"evidence\":\"Lista de asistencia\"}"));
        ImportBrowserIT.PlanSetUp.expect(asOwner.post(path + actions.get("3") + "/progress",
                "{\"percent\":100,\"evidence\":\"Procedimiento publicado\"}"));
        ImportBrowserIT.PlanSetUp.expect(asOwner.post(path + actions.get("3") + "/implementation",
                "{\"evidence\":\"Procedimiento publicado\"}"));
        ImportBrowserIT.PlanSetUp.expect(reviewer.post(path + actions.get("3") + "/verification",
                "{\"compliant\":true,\"effective\":true,\"observations\":\"Cumple\"}"));
        ImportBrowserIT.PlanSetUp.expect(reviewer.post(path + actions.get("3") + "/closure", "{}"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode dashboard = asOwner.get("/api/reports/dashboards/plans").json();
            assertThat(dashboard.path("actions").asInt()).isEqualTo(4);
            assertThat(dashboard.path("byStatus").path("CLOSED").asInt()).isEqualTo(1);
            assertThat(dashboard.path("progress").path("25").asInt()).isEqualTo(1);
            assertThat(dashboard.path("progress").path("50").asInt()).isEqualTo(1);
        });
        return planId;
    }

    private static String action(Api owner, String planId, String number, String name, String unit, LocalDate start,
                                 LocalDate end) {
        String findingId = owner.post("/api/plans/" + planId + "/findings", """
                {"number":"%s","description":"Hallazgo %s","source":{"type":"AUDIT"}}""".formatted(number, number))
                .json().path("findingId").asText();
        return owner.post("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                {"number":"%s","name":"%s","responsibleUnit":"%s","responsibleRole":"Directora",
                 "start":"%s","end":"%s"}""".formatted(number, name, unit, start, end))
                .json().path("actionId").asText();
    }

    private static void awaitChartsDrawn(Browser browser) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.driver().executeScript(
                "const all = document.querySelectorAll('canvas[data-chart]');"
                        + "return all.length > 0 && Array.from(all).every(c => c.mejoraChart != null);")));
    }

    /** A chart's table, row by row: the label and its numbers as the page shows them. */
    private static List<List<String>> rows(Browser browser, String chart) {
        return browser.findAll(By.cssSelector("#chart-" + chart + " table tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private static List<String> jsonList(String json) throws IOException {
        return List.of(JSON.readValue(json, String[].class));
    }

    private static HttpResponse<byte[]> fetch(String url, Cookie session) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The PDF's first page as a screenshot, when poppler's pdftoppm is installed (it is only for looking at). */
    private static void render(byte[] pdf, String name) throws Exception {
        Path file = Files.createTempFile("report", ".pdf");
        Files.write(file, pdf);
        Path target = Path.of("target", "screenshots", name).toAbsolutePath();
        Files.createDirectories(target.getParent());
        try {
            Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                    "-singlefile", file.toString(), target.toString()).inheritIO().start();
            assertThat(process.waitFor()).isZero();
        } catch (IOException notInstalled) {
            System.out.println("pdftoppm not found: " + name + " not rendered");
        }
    }
}
