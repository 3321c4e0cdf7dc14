package org.mejora.system.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan from its first screen to execution, by the three people who sign it: the owner creates it and adds a finding
 * and an action on screen, submits it; the reviewer sends it back once with a reason the owner then reads, and on
 * the second submission signs the review; the approver approves and starts it. Each sees only the buttons their role
 * and the plan's state allow; someone of another institution does not find the plan at all.
 */
class PlanWorkflowBrowserIT {

    private static final String OWNER_POSITION = "Directora de Planeación Estratégica";
    private static final String REVIEWER_POSITION = "Profesional de apoyo de Control Interno";
    private static final String APPROVER_POSITION = "Secretario de Planeación";
    private static final String REASON = "Falta el indicador de la acción 1.";

    @Test
    void ownerDraftsReviewerSendsBackThenReviewsApproverApprovesAndStarts() {
        String institution = Screens.newInstitution("plans");
        // The positions come from each signer's account (the identity server's token), never typed on screen.
        String owner = Screens.signer("owner", institution, "Olga Owner", OWNER_POSITION, "PLAN_OWNER");
        String reviewer = Screens.signer("reviewer", institution, "Rita Reviewer", REVIEWER_POSITION,
                "PLAN_REVIEWER");
        String approver = Screens.signer("approver", institution, "Aldo Approver", APPROVER_POSITION,
                "PLAN_APPROVER");
        String outsider = Screens.user("outsider", Screens.newInstitution("other"), "Otto Outsider", "PLAN_OWNER");

        String planPath;
        try (Browser ownerBrowser = Browser.desktop(Screens.url()).signIn(owner)) {
            planPath = createPlanOnScreen(ownerBrowser);
            addFindingAndAction(ownerBrowser);
            editTheActionAndRemoveAFinding(ownerBrowser);
            staleHeaderEditShowsTheConflict(ownerBrowser, owner, institution, planPath);
            sign(ownerBrowser, "Enviar a revisión", OWNER_POSITION, null, "Firmar y enviar a revisión",
                    "Plan firmado y enviado a revisión.", "15-plan-sign-confirm");
            assertThat(ownerBrowser.findAll(By.linkText("Editar el encabezado"))).isEmpty();

            try (Browser reviewerBrowser = Browser.desktop(Screens.url()).signIn(reviewer)) {
                reviewerBrowser.open(planPath).awaitText("En revisión");
                assertNoEditingOrApproval(reviewerBrowser);
                assertThat(reviewerBrowser.findAll(By.linkText("Firmar la revisión"))).hasSize(1);
                sign(reviewerBrowser, "Devolver a borrador", REVIEWER_POSITION, REASON,
                        "Firmar y devolver a borrador", "Plan devuelto a borrador con su razón.", null);

                ownerBrowser.open(planPath).awaitText("Devuelto a borrador");
                assertThat(ownerBrowser.find(By.cssSelector(".rejected")).getText()).contains(REASON, "Rita Reviewer");
                ownerBrowser.assertAccessible().screenshot("16-plan-rejected");
                sign(ownerBrowser, "Enviar a revisión", OWNER_POSITION, null, "Firmar y enviar a revisión",
                        "Plan firmado y enviado a revisión.", null);

                reviewerBrowser.open(planPath).awaitText("En revisión");
                sign(reviewerBrowser, "Firmar la revisión", REVIEWER_POSITION, null, "Firmar la revisión",
                        "Revisión firmada.", null);
                assertThat(reviewerBrowser.text()).contains("Revisado, por aprobar");
                assertNoEditingOrApproval(reviewerBrowser);
            }

            try (Browser approverBrowser = Browser.desktop(Screens.url()).signIn(approver)) {
                approverBrowser.open(planPath).awaitText("Revisado, por aprobar");
                assertThat(approverBrowser.findAll(By.linkText("Editar el encabezado"))).isEmpty();
                sign(approverBrowser, "Aprobar el plan", APPROVER_POSITION, null, "Firmar y aprobar",
                        "Plan aprobado.", null);
                sign(approverBrowser, "Iniciar la ejecución", APPROVER_POSITION, null, "Firmar e iniciar la ejecución",
                        "Plan en ejecución.", null);

                String signatures = approverBrowser.find(By.cssSelector("table.signatures")).getText();
                assertThat(signatures).contains("Elaboró y envió a revisión", "Olga Owner", "Responsable del plan",
                        OWNER_POSITION, "Revisó", "Rita Reviewer", "Revisor(a)", REVIEWER_POSITION,
                        "Aprobó", "Aldo Approver", "Aprobador(a)", APPROVER_POSITION, "Inició la ejecución");
                assertThat(signatures).containsOnlyOnce("Pendiente");
                assertThat(approverBrowser.find(By.cssSelector(".rejections")).getText()).contains(REASON);
                assertThat(approverBrowser.findAll(By.linkText("Cerrar el plan"))).isEmpty();
                assertThat(approverBrowser.text()).contains("El plan se podrá cerrar cuando terminen sus acciones: falta una.");
                approverBrowser.assertAccessible();
                scrollTo(approverBrowser, By.id("signatures"));
                approverBrowser.screenshot("13-plan-signatures");

                approverBrowser.click(By.linkText("English"));
                assertThat(approverBrowser.find(By.id("signatures-title")).getText()).isEqualTo("Signatures");
                assertThat(approverBrowser.text()).contains("In execution", "Prepared and submitted", "Approver");
                approverBrowser.assertAccessible();
            }

            ownerBrowser.open("/plans?status=IN_EXECUTION").awaitText("Plan de mejoramiento - Gestión Estratégica");
            assertThat(ownerBrowser.find(By.cssSelector(".plans-table tbody")).getText()).contains("En ejecución");
            ownerBrowser.open("/plans?status=DRAFT").awaitText("Ningún plan cumple estos filtros.");
            ownerBrowser.open("/plans?period=2021&q=gestion").awaitText("1–1 de 1 planes");
            ownerBrowser.assertAccessible().screenshot("10-plans-list");
        }

        try (Browser stranger = Browser.desktop(Screens.url()).signIn(outsider)) {
            stranger.open(planPath);
            assertThat(stranger.find(By.tagName("h1")).getText()).isEqualTo("No encontrado");
            assertThat(stranger.text()).doesNotContain("Gestión Estratégica");
            stranger.assertAccessible();
        }

        try (Browser phone = Browser.phone(Screens.url()).signIn(owner)) {
            phone.open(planPath).awaitText("Hallazgo 1");
            assertThat(phone.driver().executeScript("return document.documentElement.scrollWidth <= 360"))
                    .isEqualTo(true);
            phone.assertAccessible();
            phone.screenshot("14-plan-phone");
            scrollTo(phone, By.cssSelector(".actions-table"));
            phone.screenshot("14-plan-phone-actions");
        }
    }

    /** The new-plan form refuses a blank title beside the field, then creates the draft. */
    private static String createPlanOnScreen(Browser browser) {
        browser.click(By.linkText("Planes"));
        browser.awaitText("La institución aún no tiene planes.");
        browser.assertAccessible();
        browser.click(By.linkText("Nuevo plan"));
        browser.find(By.id("n-kind"));
        browser.click(button("Crear el plan"));
        assertThat(browser.find(By.id("title-error")).getText()).isEqualTo("no debe estar vacío");
        assertThat(browser.find(By.id("kind-error")).getText()).isEqualTo("Elija el tipo de plan");
        assertThat(browser.find(By.id("n-title")).getAttribute("aria-describedby")).isEqualTo("title-error");
        browser.assertAccessible();
        browser.screenshot("11-plans-new");

        browser.find(By.cssSelector("#n-kind option[value=AUDIT]")).click();
        browser.type(By.id("n-title"), "Plan de mejoramiento - Gestión Estratégica");
        browser.type(By.id("n-institutionName"), "ALCALDIA MUNICIPAL DE CALICA");
        browser.type(By.id("n-period"), "2021");
        browser.type(By.id("n-auditedProcess"), "Gestión Estratégica");
        browser.type(By.id("n-procedures"), "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO");
        browser.type(By.id("n-responsible"), OWNER_POSITION);
        browser.driver().executeScript("arguments[0].value = '2021-09-21'", browser.find(By.id("n-subscriptionDate")));
        browser.type(By.id("n-formatCode"), "GEM-FM014");
        browser.type(By.id("n-formatVersion"), "02");
        browser.click(button("Crear el plan"));

        browser.awaitText("Plan creado en borrador.");
        assertThat(browser.find(By.cssSelector(".plan-meta")).getText()).contains("Borrador");
        assertThat(browser.find(By.id("plan-header")).getText())
                .contains("GEM-FM014 · versión 02", "21 sept 2021", "GES-PR011");
        // plan-service refuses to review a plan without actions: no button yet, and the reason why.
        assertThat(browser.findAll(By.linkText("Enviar a revisión"))).isEmpty();
        assertThat(browser.text()).contains("agregue al menos una acción de mejora");
        browser.assertAccessible();
        return URI.create(browser.currentUrl()).getPath();
    }

    /** Inline forms (htmx) under the plan's sections; each save redraws the page with a notice. */
    private static void addFindingAndAction(Browser browser) {
        browser.click(By.linkText("Agregar un hallazgo"));
        browser.type(By.id("f-description"), "Se recomienda a cada dependencia verificar la materialización de los "
                + "compromisos que registran un avance inferior al 50 %.");
        browser.assertAccessible();
        browser.click(button("Guardar"));
        browser.awaitText("Hallazgo agregado.");

        browser.click(By.linkText("Agregar una acción"));
        browser.find(By.id("a-name"));
        assertThat(browser.find(By.id("a-number")).getAttribute("value")).isEqualTo("1");
        browser.type(By.id("a-name"), "Socializar los resultados del seguimiento en Consejo de Gobierno");
        browser.type(By.id("a-objective"), "Cumplir las metas del Plan de Desarrollo");
        browser.type(By.id("a-tasks"), "1. Presentar el seguimiento\n2. Programar reuniones con cada dependencia");
        browser.type(By.id("a-goalIndicator"), "% Cumplimiento al Plan de Acción");
        browser.type(By.id("a-resources"), "Humanos / Tecnológicos");
        browser.type(By.id("a-responsibleUnit"), "Secretaría de Planeación");
        browser.type(By.id("a-responsibleRole"), OWNER_POSITION);
        browser.type(By.id("a-start"), "T1-2030");
        browser.type(By.id("a-end"), "jun-30");
        browser.type(By.id("a-scheduledMonths"), "6");
        browser.click(button("Guardar"));
        browser.awaitText("Acción agregada.");

        String actions = browser.find(By.cssSelector(".actions-table")).getText();
        assertThat(actions).contains("Socializar los resultados", "Presentar el seguimiento",
                "Programar reuniones con cada dependencia", "Secretaría de Planeación", "T1 2030", "jun 2030",
                "Planeada", "0 %");
        assertThat(actions).doesNotContain("Vencida", "1. Presentar");
        assertThat(browser.find(By.linkText("Socializar los resultados del seguimiento en Consejo de Gobierno"))
                .getAttribute("href")).matches(".*/plans/[0-9a-f-]+/actions/[0-9a-f-]+");
        browser.assertAccessible();
        scrollTo(browser, By.id("findings"));
        browser.screenshot("12-plan-draft");
    }

    /** The action's form comes back with what was saved (tasks one per line); a removal is confirmed first. */
    private static void editTheActionAndRemoveAFinding(Browser browser) {
        browser.click(By.cssSelector(".actions-table .row-tools a:not(.remove)"));
        assertThat(browser.find(By.id("a-tasks")).getAttribute("value"))
                .isEqualTo("Presentar el seguimiento\nProgramar reuniones con cada dependencia");
        browser.type(By.id("a-end"), "T2-2030");
        browser.assertAccessible();
        scrollTo(browser, By.cssSelector(".inline-form"));
        browser.screenshot("18-plan-action-form");
        browser.click(button("Guardar"));
        browser.awaitText("Acción guardada.");
        assertThat(browser.find(By.cssSelector(".actions-table")).getText()).contains("T2 2030");

        browser.click(By.linkText("Agregar un hallazgo"));
        assertThat(browser.find(By.id("f-number")).getAttribute("value")).isEqualTo("2");
        browser.type(By.id("f-description"), "Un hallazgo registrado por error");
        browser.click(button("Guardar"));
        browser.awaitText("Hallazgo agregado.");
        browser.click(By.xpath("//article[.//h3[contains(., 'Hallazgo 2')]]//a[contains(@class, 'remove')]"));
        assertThat(browser.find(By.cssSelector(".removal")).getText())
                .contains("Se quitará el hallazgo «Un hallazgo registrado por error» (no tiene acciones).");
        browser.assertAccessible();
        browser.click(button("Quitar"));
        browser.awaitText("Hallazgo quitado.");
        assertThat(browser.text()).doesNotContain("Hallazgo 2", "registrado por error");
    }

    /** Someone else changes the header while the owner's form is open: saving says so and offers the current one. */
    private static void staleHeaderEditShowsTheConflict(Browser browser, String owner, String institution,
                                                        String planPath) {
        browser.click(By.linkText("Editar el encabezado"));
        browser.type(By.id("h-period"), "2021-2022");
        assertThat(Screens.api(owner, institution, "PLAN_OWNER").put("/api" + planPath, """
                {"title": "Plan de mejoramiento - Gestión Estratégica", "institutionName": "ALCALDIA MUNICIPAL DE CALICA",
                 "auditedProcess": "Gestión Estratégica", "procedures": "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                 "responsible": "Directora de Planeación Estratégica", "subscriptionDate": "2021-09-21",
                 "formatCode": "GEM-FM014", "formatVersion": "03", "period": "2021"}
                """).status()).isBetween(200, 299);
        browser.click(button("Guardar"));
        assertThat(browser.find(By.cssSelector("#plan-header-slot .problem")).getText())
                .contains("Alguien cambió este plan mientras tanto", "Otra persona modificó este registro");
        browser.assertAccessible();
        scrollTo(browser, By.id("plan-header-slot"));
        browser.screenshot("17-plan-conflict");

        browser.click(By.linkText("Recargar la versión actual"));
        assertThat(browser.find(By.id("h-formatVersion")).getAttribute("value")).isEqualTo("03");
        browser.assertAccessible();
        browser.click(By.linkText("Cancelar"));
        browser.awaitText("GEM-FM014 · versión 03");
    }

    /**
     * Opens a step's signing form, sees the position of the signer's account (nothing to type but a reason), checks
     * the signature to be recorded and confirms it.
     */
    private static void sign(Browser browser, String step, String position, String reason, String confirm,
                             String done, String screenshot) {
        browser.click(By.linkText(step));
        assertThat(browser.find(By.cssSelector(".signature")).getText()).contains(position);
        assertThat(browser.findAll(By.id("s-position"))).as("the position is not typed").isEmpty();
        if (reason != null) {
            browser.type(By.id("s-reason"), reason);
        }
        browser.assertAccessible();
        browser.click(button("Continuar"));
        WebElement signature = browser.find(By.cssSelector(".signature.confirm"));
        assertThat(signature.getText()).contains(position);
        if (reason != null) {
            assertThat(signature.getText()).contains(reason);
        }
        browser.assertAccessible();
        if (screenshot != null) {
            scrollTo(browser, By.id("signing"));
            browser.screenshot(screenshot);
        }
        browser.click(button(confirm));
        browser.awaitText(done);
    }

    private static void assertNoEditingOrApproval(Browser browser) {
        for (String link : new String[]{"Editar el encabezado", "Agregar un hallazgo", "Agregar una acción",
                "Enviar a revisión", "Aprobar el plan", "Iniciar la ejecución"}) {
            assertThat(browser.findAll(By.linkText(link))).as(link).isEmpty();
        }
    }

    private static By button(String text) {
        return By.xpath("//button[normalize-space()='" + text + "']");
    }

    private static void scrollTo(Browser browser, By what) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", browser.find(what));
    }
}
