package org.mejora.system.screens;

import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screens 4, 5 and 8: an action of a plan in execution followed up by its owner (progress with evidence, a step back
 * that needs a reason, implemented), verified and closed by the control office, its timeline, and the auditor's
 * history search, time travel and comparison of cuts, read-only.
 */
class ActionFollowUpBrowserIT {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final By MAIN_PART = By.id("action-main");

    @Test
    void anOwnerFollowsAnActionUpTheControlOfficeClosesItAndTheAuditorTravelsItsHistory() throws InterruptedException {
        String institution = Screens.newInstitution("actions");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        String reviewer = Screens.user("reviewer", institution, "Rita Revisora", "PLAN_REVIEWER");
        String approver = Screens.user("approver", institution, "Abel Aprobador", "PLAN_APPROVER");
        String auditor = Screens.user("auditor", institution, "Aura Auditora", "AUDITOR");
        String elsewhere = Screens.newInstitution("other");
        String outsider = Screens.user("outsider", elsewhere, "Otto Ajeno", "PLAN_OWNER", "AUDITOR");
        Plan plan = planInExecution(institution, owner, reviewer, approver);
        String actionPage = "/plans/" + plan.planId() + "/actions/" + plan.actionId();

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner).open(actionPage);
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Acción 1.1");
            assertThat(browser.text()).contains("Planeada", "Secretaría General", "Digitalizar el archivo central",
                    "Inventario documental");
            browser.assertAccessible();

            recordProgress(browser, 25, "Acta de reunión 1", null);
            browser.awaitText("Avance registrado.");
            recordProgress(browser, 50, "Inventario parcial, 480 cajas", null);
            assertThat(browser.find(By.cssSelector(".action-state strong")).getText()).isEqualTo("50 %");
            awaitTimeline(browser, "Inventario parcial, 480 cajas");
            browser.assertAccessible();
            browser.screenshot("20-action-page");

            // Going back needs a reason: the service says so beside the field, and the form keeps what was typed.
            recordProgress(browser, 25, "Acta de reunión 2", null);
            WebElement error = browser.find(By.id("reason-error"));
            assertThat(error.getText()).contains("razón");
            assertThat(browser.find(By.id("progress-reason")).getAttribute("aria-describedby")).contains("reason-error");
            assertThat(browser.find(By.id("progress-evidence")).getAttribute("value")).isEqualTo("Acta de reunión 2");
            assertThat(browser.find(By.cssSelector(".action-state strong")).getText()).isEqualTo("50 %");
            browser.assertAccessible();
            scrollTo(browser, By.cssSelector("form[action$='/progress']"));
            browser.screenshot("21-action-progress-error");

            recordProgress(browser, 25, "Acta de reunión 2", "El inventario contó dos veces el depósito 3");
            browser.awaitText("Avance registrado.");
            recordProgress(browser, 100, "Inventario completo, 960 cajas", null);
            submit(browser, "implementation", () -> browser.type(By.id("implementation-evidence"),
                    "Informe final de digitalización"));
            browser.awaitText("La acción quedó implementada.");
            assertThat(browser.findAll(By.cssSelector("form[action$='/verification']"))).isEmpty();
        }

        Instant beforeClose;
        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(reviewer).open(actionPage);
            assertThat(browser.findAll(By.cssSelector("form[action$='/progress']"))).isEmpty();
            browser.assertAccessible();
            submit(browser, "verification", () -> {
                browser.click(By.cssSelector("label[for=compliant-yes]"));
                browser.click(By.cssSelector("label[for=effective-yes]"));
                browser.type(By.id("verification-observations"), "Se verificó en sitio: 960 cajas digitalizadas");
            });
            browser.awaitText("Verificación registrada.");
            // The picker has whole seconds: the moment to travel to is a whole second after the verification.
            beforeClose = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Thread.sleep(Duration.between(Instant.now(), beforeClose).toMillis() + 1);
            submit(browser, "closure", () -> {
            });
            browser.awaitText("La acción quedó cerrada.");
            assertThat(browser.find(By.cssSelector(".action-state .badge")).getText()).isEqualTo("Cerrada");

            // Reporting follows a moment behind: the timeline reloads itself until it shows the close.
            awaitTimeline(browser, "Cerrada");
            String timeline = browser.find(By.id("timeline")).getText();
            assertThat(timeline).contains("Avance registrado", "Marcada implementada", "Verificada",
                    "Olga Owner", "Rita Revisora", "Responsable del plan",
                    "Acta de reunión 1", "El inventario contó dos veces el depósito 3",
                    "Se verificó en sitio: 960 cajas digitalizadas", "Implementada", "Cerrada");
            browser.assertAccessible();
            scrollTo(browser, By.id("timeline"));
            wholePage(browser, () -> browser.screenshot("22-action-timeline"));
        }

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(auditor).open("/history");
            browser.assertAccessible();
            new Select(browser.find(By.id("plan"))).selectByValue(plan.planId());
            browser.click(By.cssSelector("form[action$='/history'] button[type=submit]"));
            browser.awaitText("Plan de mejoramiento - Gestión Documental:");
            assertThat(browser.text()).contains("Plan creado", "Avance registrado", "Olga Owner", "Rita Revisora",
                    "El inventario contó dos veces el depósito 3");
            assertNoWriteButtons(browser);
            browser.assertAccessible();
            browser.screenshot("25-history-search");

            new Select(browser.find(By.id("change"))).selectByValue("PROGRESS");
            new Select(browser.find(By.id("user"))).selectByValue(owner);
            browser.click(By.cssSelector("form[action$='/history'] button[type=submit]"));
            browser.awaitText("Plan de mejoramiento - Gestión Documental: 4 cambios");
            assertThat(browser.findAll(By.cssSelector("ol.timeline-list > li"))).hasSize(4);

            // Each change leads to the action it touched, where the auditor finds no step to take.
            browser.click(By.partialLinkText("Acción 1.1"));
            browser.awaitText("Historial de la acción");
            assertNoWriteButtons(browser);
            browser.assertAccessible();

            browser.click(By.linkText("Ver la acción en otra fecha"));
            String picked = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(beforeClose.atZone(BOGOTA));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                    browser.find(By.id("at")), picked);
            browser.click(By.cssSelector("form.picker button[type=submit]"));
            browser.awaitText("Así estaba el");
            assertThat(browser.find(By.cssSelector(".action-state .badge")).getText()).isEqualTo("Implementada");
            assertThat(browser.find(By.cssSelector(".action-state strong")).getText()).isEqualTo("100 %");
            assertThat(browser.find(By.cssSelector("dl.facts")).getText()).contains("Rita Revisora");
            assertThat(browser.find(By.id("timeline")).getText()).contains("Verificada").doesNotContain("Cerrada");
            assertNoWriteButtons(browser);
            browser.assertAccessible();
            browser.screenshot("23-action-as-of");

            browser.open("/plans/" + plan.planId() + "/compare");
            browser.awaitText("Acciones cuyo avance cambió");
            assertThat(browser.find(By.cssSelector("section[aria-labelledby=moved-title] table")).getText())
                    .contains("1.1 · Digitalizar el archivo central", "0 %", "100 %", "Cerrada");
            assertThat(browser.find(By.cssSelector("section[aria-labelledby=days-title] table")).getText())
                    .contains("Implementada", "Cerrada");
            assertNoWriteButtons(browser);
            browser.assertAccessible();
            wholePage(browser, () -> browser.screenshot("24-plan-compare"));

            browser.open("/plans/" + plan.planId() + "/as-of?at=" + beforeClose);
            browser.awaitText("Así estaba el");
            assertThat(browser.text()).contains("1.1 · Digitalizar el archivo central", "Implementada");
            browser.assertAccessible();

            // A step forced past the screens (no button offered it) is refused by the service: the 403 page.
            browser.open(actionPage);
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = arguments[0];
                    const fields = {percent: '75', evidence: 'Forzado', _csrf: document.querySelector('input[name=_csrf]').value};
                    for (const [name, value] of Object.entries(fields)) {
                        const input = document.createElement('input');
                        input.type = 'hidden';
                        input.name = name;
                        input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();""", actionPage + "/progress");
            browser.awaitText("Sin permiso");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sin permiso");

            browser.open(actionPage).click(By.linkText("English"));
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Action 1.1");
            assertThat(browser.text()).contains("Closed", "Action history", "Progress recorded");
        }

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(outsider).open(actionPage);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("No encontrado");
            assertThat(browser.text()).doesNotContain("Digitalizar el archivo central");
            browser.assertAccessible();
            browser.open("/plans/" + plan.planId() + "/as-of?at=" + beforeClose);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("No encontrado");
        }
    }

    @Test
    void theActionPageWithItsFormsFitsAPhone() {
        String institution = Screens.newInstitution("actions-phone");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        String reviewer = Screens.user("reviewer", institution, "Rita Revisora", "PLAN_REVIEWER");
        String approver = Screens.user("approver", institution, "Abel Aprobador", "PLAN_APPROVER");
        Plan plan = planInExecution(institution, owner, reviewer, approver);
        Screens.api(owner, institution, "PLAN_OWNER").post("/api/plans/" + plan.planId() + "/actions/"
                + plan.actionId() + "/progress", "{\"percent\":25,\"evidence\":\"Acta de reunión 1\"}");
        try (Browser browser = Browser.phone(Screens.url())) {
            browser.signIn(owner).open("/plans/" + plan.planId() + "/actions/" + plan.actionId());
            awaitTimeline(browser, "Acta de reunión 1");
            assertThat(browser.driver().executeScript("return document.documentElement.scrollWidth <= 360"))
                    .isEqualTo(true);
            browser.assertAccessible();
            browser.click(By.linkText("Ir al seguimiento"));
            browser.screenshot("26-action-phone");
        }
    }

    private record Plan(String planId, String actionId) {
    }

    /** Set-up through the API: a plan with one finding and one action, submitted, reviewed, approved, started. */
    private static Plan planInExecution(String institution, String owner, String reviewer, String approver) {
        Api owning = Screens.api(owner, institution, "PLAN_OWNER");
        LocalDate today = LocalDate.now(BOGOTA);
        String planId = created(owning.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de mejoramiento - Gestión Documental","period":"%d",
                 "auditedProcess":"Gestión Documental","responsible":"Secretaria General"}""".formatted(today.getYear())),
                "planId");
        String findingId = created(owning.post("/api/plans/" + planId + "/findings", """
                {"number":"1","description":"El archivo central no tiene inventario documental actualizado.",
                 "source":{"type":"AUDIT"}}"""), "findingId");
        String actionId = created(owning.post("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                {"number":"1.1","name":"Digitalizar el archivo central","description":"Digitalizar y clasificar las cajas del archivo central.",
                 "objective":"Contar con el inventario documental al día",
                 "tasks":[{"number":1,"description":"Inventario documental"},{"number":2,"description":"Digitalización"}],
                 "goalIndicator":"%% de cajas digitalizadas","resources":"Humanos y tecnológicos",
                 "responsibleUnit":"Secretaría General","responsibleRole":"Secretaria General",
                 "technicalDirection":"Gestión Documental","start":"%s","end":"%s"}"""
                .formatted(today.withDayOfMonth(1), today.plusMonths(6))), "actionId");
        ok(owning.post("/api/plans/" + planId + "/submission", "{}"));
        ok(Screens.api(reviewer, institution, "PLAN_REVIEWER").post("/api/plans/" + planId + "/review",
                "{}"));
        Api approving = Screens.api(approver, institution, "PLAN_APPROVER");
        ok(approving.post("/api/plans/" + planId + "/approval", "{}"));
        ok(approving.post("/api/plans/" + planId + "/execution", "{}"));
        return new Plan(planId, actionId);
    }

    private static String created(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    private static void recordProgress(Browser browser, int percent, String evidence, String reason) {
        submit(browser, "progress", () -> {
            browser.click(By.cssSelector("label[for=percent-" + percent + "]"));
            browser.type(By.id("progress-evidence"), evidence);
            if (reason != null) {
                browser.type(By.id("progress-reason"), reason);
            }
        });
    }

    /** Fills a step's form and sends it; htmx swaps the page's main part, which is then another element. */
    private static void submit(Browser browser, String step, Runnable fill) {
        fill.run();
        WebElement before = browser.find(MAIN_PART);
        browser.click(By.cssSelector("form[action$='/" + step + "'] button[type=submit]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(before));
        browser.find(MAIN_PART);
    }

    private static void awaitTimeline(Browser browser, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), text));
    }

    /** An auditor reads: no form of the page posts anything (signing out is the layout's, outside main). */
    private static void assertNoWriteButtons(Browser browser) {
        assertThat(browser.findAll(By.cssSelector("main form[method=post]"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("main button")))
                .allSatisfy(button -> assertThat(button.getDomAttribute("type")).isEqualTo("submit"))
                .allSatisfy(button -> assertThat(button.findElement(By.xpath("ancestor::form")).getDomAttribute("method"))
                        .isEqualTo("get"));
    }

    /** Shows the whole page in the window for a moment, e.g. for a screenshot of a long timeline. */
    private static void wholePage(Browser browser, Runnable then) {
        Dimension window = browser.driver().manage().window().getSize();
        Object height = browser.driver().executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(window.getWidth(),
                Math.min(4000, ((Number) height).intValue() + 200)));
        try {
            then.run();
        } finally {
            browser.driver().manage().window().setSize(window);
        }
    }

    private static void scrollTo(Browser browser, By by) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.find(by));
    }
}
