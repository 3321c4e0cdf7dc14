package org.mejora.system.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screen 7: a follow-up report (seed 000) of a plan in execution is drafted, changed, signed and submitted; a draft
 * edited over a stale version offers the current one; a submitted report reads, and no longer changes.
 */
class ReportBrowserIT {

    @Test
    void anOwnerDraftsSignsAndSubmitsAFollowUpReport() throws Exception {
        String institution = Screens.newInstitution("report");
        String owner = Screens.signer("owner", institution, "Olga Owner", "Directora de Planeación Estratégica",
                "PLAN_OWNER");
        String planId = ImportBrowserIT.PlanSetUp.inExecution(institution, owner, ImportBrowserIT.demoPlan());
        Api asOwner = Screens.api(owner, institution, "PLAN_OWNER");

        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            browser.open("/plans/" + planId + "/reports");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Informes de seguimiento");
            assertThat(browser.text()).contains("Este plan aún no tiene informes de seguimiento.");
            browser.assertAccessible();
            browser.click(By.linkText("Nuevo informe de seguimiento"));

            assertThat(browser.find(By.id("preparedBy")).getAttribute("value")).isEqualTo("Olga Owner");
            browser.type(By.id("period"), "2026-II");
            browser.type(By.id("antecedents"), "Oficio de aprobación del plan de mejoramiento.");
            browser.type(By.id("legalBase"), "Procedimiento GEM de evaluación y mejora.");
            browser.type(By.id("objective"), "Realizar un seguimiento a la ejecución del plan de mejoramiento.");
            browser.type(By.id("conclusions"), "Las acciones siguen sin iniciar.");
            browser.type(By.id("recommendations"), "Programar las reuniones con cada dependencia.");
            browser.assertAccessible();
            browser.click(By.cssSelector("form.report-form button[type=submit]"));
            browser.awaitText("Borrador guardado.");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Informe de seguimiento 2026-II");
            List<WebElement> lines = browser.findAll(By.cssSelector("table.report-actions tbody tr"));
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).getText()).contains("2021-08 – 2022-01", "Planificada");
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "34-report-draft");

            // Someone records progress meanwhile: the draft was read at an older version, so saving it offers the
            // current one instead of writing over it.
            JsonNode plan = asOwner.get("/api/plans/" + planId).json();
            String action = plan.path("findings").get(0).path("actions").get(0).path("actionId").asText();
            ImportBrowserIT.PlanSetUp.expect(asOwner.post("/api/plans/" + planId + "/actions/" + action
                    + "/progress", "{\"percent\":25,\"evidence\":\"Acta del consejo de gobierno\"}"));
            browser.type(By.id("conclusions"), "La acción 1 avanzó; la 2 sigue sin iniciar.");
            browser.click(By.cssSelector("form.report-form button[type=submit]"));
            assertThat(browser.find(By.id("problem")).getText()).isNotBlank();
            browser.assertAccessible();
            browser.click(By.cssSelector("#problem a"));
            browser.type(By.id("conclusions"), "La acción 1 avanzó; la 2 sigue sin iniciar.");
            browser.click(By.cssSelector("form.report-form button[type=submit]"));
            browser.awaitText("Borrador guardado.");
            assertThat(browser.find(By.id("conclusions")).getText()).isEqualTo("La acción 1 avanzó; la 2 sigue sin iniciar.");
            assertThat(browser.find(By.cssSelector("table.report-actions tbody tr")).getText())
                    .contains("Acta del consejo de gobierno");

            // The position printed is the one of the signer's account, not typed.
            assertThat(browser.find(By.cssSelector("form.sign")).getText())
                    .contains("Directora de Planeación Estratégica");
            browser.click(By.id("confirm"));
            browser.click(By.cssSelector("form.sign button[type=submit]"));
            browser.awaitText("El informe quedó firmado y enviado; ya no cambia.");
            assertThat(browser.findAll(By.tagName("textarea"))).isEmpty();
            assertThat(browser.findAll(By.cssSelector("form.sign"))).isEmpty();
            assertThat(browser.find(By.cssSelector("dl.report-meta")).getText())
                    .contains("Olga Owner, Directora de Planeación Estratégica");
            assertThat(browser.text()).contains("5. Conclusiones\nLa acción 1 avanzó; la 2 sigue sin iniciar.",
                    "Firmado y enviado");
            browser.assertAccessible();
            ImportBrowserIT.screenshotWholePage(browser, "35-report-submitted");

            browser.click(By.linkText("Informes de seguimiento"));
            assertThat(browser.find(By.cssSelector("main table tbody tr")).getText())
                    .contains("2026-II", "Firmado y enviado", "Olga Owner");
        }
        JsonNode report = asOwner.get("/api/plans/" + planId).json().path("reports").get(0);
        assertThat(report.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(report.path("signedBy").path("position").asText()).isEqualTo("Directora de Planeación Estratégica");
    }
}
