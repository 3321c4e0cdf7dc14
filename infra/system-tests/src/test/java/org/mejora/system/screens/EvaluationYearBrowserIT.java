package org.mejora.system.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A year of P-TH-10 on screen for a new institution: HR opens the cycle and assigns three servants to one
 * supervisor; Ana goes through every step on screen, her supervisor modifies her goals with a reason and she does
 * not accept them once (the reason is in the history); Beto's and Carla's repetitive steps go through the API.
 * Ana ends under the threshold and finds her individual improvement plan; she cannot reach the supervisor's
 * actions. axe-core runs on every page visited.
 */
class EvaluationYearBrowserIT {

    private static final String GOAL_1 = "Elaborar el informe de demanda energética";
    private static final String GOAL_2 = "Actualizar el sistema de información minero";
    private static final String COMPETENCIES = "Orientación a resultados\nTrabajo en equipo";

    private final String institution = Screens.newInstitution("eval");
    private final String hr = Screens.user("talento", institution, "Tania Talento", "HR");
    private final String boss = Screens.user("jefe", institution, "Jorge Jefe", "SUPERVISOR");
    private final String ana = Screens.user("ana", institution, "Ana Pérez", "SERVANT");
    private final String beto = Screens.user("beto", institution, "Beto Ruiz", "SERVANT");
    private final String carla = Screens.user("carla", institution, "Carla Díaz", "SERVANT");
    private final LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));

    @Test
    void aYearRunsOnScreenAndTheServantUnderTheThresholdFindsHerIndividualPlan() {
        String cycleId;
        Map<String, String> evaluations;
        try (Browser talent = Browser.desktop(Screens.url())) {
            cycleId = openCycle(talent);
            assign(talent, cycleId);
            evaluations = evaluationsOf(cycleId);
            // The formulation deadline has passed: HR sees every servant late against it.
            assertThat(talent.text()).contains("Vencido hace 20 días", "plazo vencido");
            talent.driver().executeScript("window.scrollTo(0, 0)");
            talent.screenshot("44-eval-hr-cycle");
        }
        String anaEvaluation = evaluations.get(ana);

        try (Browser servant = Browser.desktop(Screens.url()); Browser supervisor = Browser.desktop(Screens.url())) {
            servant.signIn(ana).open("/evaluations").assertAccessible();
            servant.click(By.linkText("Evaluación " + today.getYear()));
            servant.awaitText("Formulación de metas y objetivos").assertAccessible();
            formulate(servant);

            submitGoalsThroughApi(beto, evaluations.get(beto));
            submitGoalsThroughApi(carla, evaluations.get(carla));

            supervisor.signIn(boss).open("/evaluations/team");
            supervisor.awaitText("Esperan por usted (3)");
            assertThat(supervisor.text()).contains("Ana Pérez", "Beto Ruiz", "Carla Díaz",
                    "Aprobar, rechazar o modificar las metas");
            awaitOnReload(supervisor, "Vencido hace 20 días");
            supervisor.assertAccessible().screenshot("41-eval-supervisor-inbox");

            supervisor.click(By.linkText("Ana Pérez")).awaitText("Revise las metas propuestas");
            supervisor.assertAccessible();
            supervisor.click(By.linkText("Modificar")).awaitText("Modificar las metas de Ana Pérez");
            supervisor.assertAccessible();
            supervisor.type(By.name("goals[0].weight"), "50").type(By.name("goals[1].weight"), "50")
                    .type(By.name("goals[1].deliverable"), "Sistema actualizado y documentado")
                    .type(By.id("modify-reason"), "Las dos metas pesan lo mismo para la dependencia");
            supervisor.click(button("Guardar la modificación")).awaitText("Las metas modificadas se enviaron");
            assertThat(supervisor.text()).contains("Cambios del jefe inmediato", "cambió");
            supervisor.assertAccessible();
            scrollTo(supervisor, "changes").screenshot("42-eval-modify-side-by-side");

            Api bossApi = Screens.api(boss, institution, "SUPERVISOR");
            ok(bossApi.post("/api/evaluations/" + evaluations.get(beto) + "/goals/approve", "{}"));
            ok(bossApi.post("/api/evaluations/" + evaluations.get(carla) + "/goals/approve", "{}"));

            // Ana sees the supervisor's version beside hers and does not accept it once, with her reason.
            servant.open("/evaluations/" + anaEvaluation).awaitText("Su jefe inmediato modificó sus metas");
            assertThat(servant.text()).contains("Propuesta del evaluado", "Versión del jefe inmediato",
                    "Sistema actualizado y documentado");
            servant.assertAccessible();
            servant.type(By.id("not-accept-reason"), "El sistema de información pesa más que el informe");
            servant.click(button("No acepto")).awaitText("No aceptó las metas");
            awaitOnReload(servant, () -> servant.find(By.id("history")).getText().contains("Metas no aceptadas"));
            assertThat(servant.find(By.id("history")).getText()).contains(
                    "El sistema de información pesa más que el informe", "Metas modificadas por el jefe inmediato",
                    "Las dos metas pesan lo mismo para la dependencia", "Ana Pérez", "Jorge Jefe");
            servant.assertAccessible();
            scrollTo(servant, "history").screenshot("43-eval-history");

            // She sends the goals again as they stand; the supervisor approves them and she accepts.
            servant.click(button("Enviar a mi jefe inmediato")).awaitText("Sus metas se enviaron");
            supervise(supervisor, anaEvaluation, "Aprobar", "Metas aprobadas");
            servant.open("/evaluations/" + anaEvaluation).awaitText("Su jefe inmediato aprobó sus metas")
                    .assertAccessible();
            servant.click(button("Acepto")).awaitText("Aceptó sus metas").assertAccessible();

            selfEvaluate(servant, anaEvaluation, "50", "40");
            supervise(supervisor, anaEvaluation, "Aprobar", "Autoevaluación aprobada");
            servant.open("/evaluations/" + anaEvaluation).click(button("Acepto"))
                    .awaitText("Aceptó la autoevaluación del I seguimiento");
            servant.assertAccessible();

            selfEvaluate(servant, anaEvaluation, "40", "30");
            supervise(supervisor, anaEvaluation, "Aprobar", "Autoevaluación aprobada");
            supervisor.awaitText("Califique cada competencia");
            supervisor.type(By.name("ratings[0].score"), "50").type(By.name("ratings[1].score"), "60")
                    .type(By.name("ratings[1].comment"), "Colabora cuando se le pide");
            supervisor.assertAccessible();
            supervisor.click(button("Calificar y calcular el resultado final")).awaitText("Competencias calificadas")
                    .assertAccessible();

            servant.open("/evaluations/" + anaEvaluation).awaitText("Aceptación del resultado final");
            assertThat(servant.text()).contains("No satisfactorio", "bajo el umbral «Satisfactorio»",
                    "nivel obtenido");
            servant.assertAccessible();
            servant.click(button("Acepto el resultado final")).awaitText("Aceptó el resultado final")
                    .assertAccessible();

            walkThroughApi(beto, evaluations.get(beto), bossApi, 100, 90);
            walkThroughApi(carla, evaluations.get(carla), bossApi, 80, 80);

            try (Browser talent = Browser.desktop(Screens.url())) {
                talent.signIn(hr).open("/evaluations/cycles/" + cycleId + "/consolidation?stage=YEAR");
                talent.assertAccessible();
                talent.click(button("Consolidar el periodo anual")).awaitText("Periodo anual consolidado");
                awaitOnReload(talent, () -> !talent.findAll(By.cssSelector("#plans a[href*='/plans/']")).isEmpty());
                assertThat(talent.text()).contains("Puntajes por nivel de la escala", "Quién requiere plan",
                        "Ana Pérez");
                assertThat(talent.find(By.cssSelector("canvas[data-chart]")).getAttribute("data-values"))
                        .isNotBlank();
                assertThat(download(talent, "/evaluations/cycles/" + cycleId + "/consolidation.xlsx?stage=YEAR"))
                        .contains("spreadsheetml");
                talent.assertAccessible();
                scrollTo(talent, "results").screenshot("45-eval-consolidation");
            }

            // plan-service opens Ana's plan from the event; her page links to it with its progress.
            servant.open("/evaluations/" + anaEvaluation);
            awaitOnReload(servant, "Estado del plan");
            assertThat(servant.find(By.cssSelector("#plan a")).getAttribute("href")).contains("/plans/");
            assertThat(servant.text()).contains("Plan de mejoramiento individual", "Avance promedio");
            servant.assertAccessible();
            scrollTo(servant, "result").screenshot("46-eval-result-individual-plan");

            // A servant cannot reach the supervisor's actions, nor another servant's evaluation.
            assertThat(servant.findAll(By.xpath("//button[normalize-space()='Aprobar']"))).isEmpty();
            servant.open("/evaluations/" + anaEvaluation + "/goals/modify").awaitText("Sin permiso");
            assertThat(servant.text()).contains("Solo el jefe inmediato asignado");
            servant.assertAccessible();
            servant.open("/evaluations/" + evaluations.get(beto)).awaitText("Sin permiso").assertAccessible();
            servant.open("/evaluations/team").awaitText("Sin permiso").assertAccessible();
        }

        try (Browser phone = Browser.phone(Screens.url())) {
            phone.signIn(ana).open("/evaluations/" + anaEvaluation).awaitText("Plan de mejoramiento individual");
            assertThat(phone.driver().executeScript("return document.documentElement.scrollWidth <= 360"))
                    .isEqualTo(true);
            phone.assertAccessible();
            scrollTo(phone, "plan").screenshot("48-eval-phone");
        }
    }

    /** HR opens the cycle on screen; the API's refusal of weights that do not sum 100 shows beside the field. */
    private String openCycle(Browser talent) {
        talent.signIn(hr).open("/evaluations").assertAccessible();
        talent.click(By.linkText("Abrir un ciclo")).awaitText("Abrir un ciclo de evaluación");
        talent.type(By.id("year"), String.valueOf(today.getYear()))
                .type(By.id("name"), "Evaluación de la gestión " + today.getYear());
        date(talent, "formulation", today.minusDays(20));
        date(talent, "self-evaluation-i", today.plusDays(60));
        date(talent, "self-evaluation-ii", today.plusDays(120));
        talent.type(By.id("goals-weight"), "80").type(By.id("competencies-weight"), "30")
                .type(By.id("competencies"), COMPETENCIES);
        talent.assertAccessible();
        talent.click(button("Abrir el ciclo")).awaitText("deben sumar 100");
        assertThat(talent.find(By.id("competenciesWeight-error")).getText()).contains("suman 110");
        talent.assertAccessible();
        talent.type(By.id("competencies-weight"), "20").click(button("Abrir el ciclo"))
                .awaitText("Ciclo abierto");
        talent.assertAccessible();
        return talent.currentUrl().replaceAll(".*/evaluations/cycles/([^/?#]+).*", "$1");
    }

    /** A CSV with bad rows is refused whole, row by row; then the form assigns the three servants. */
    private void assign(Browser talent, String cycleId) {
        Path csv = csv("servantId,servantName,supervisorId,supervisorName\n"
                + ana + ",Ana Pérez," + boss + ",Jorge Jefe\n"
                + beto + ",Beto Ruiz," + beto + ",Beto Ruiz\n"
                + carla + ",Carla Díaz\n");
        talent.find(By.id("csv-file")).sendKeys(csv.toAbsolutePath().toString());
        talent.click(button("Asignar desde el archivo")).awaitText("Filas con errores");
        assertThat(talent.text()).contains("Fila 3: se esperaban 4 columnas");
        talent.assertAccessible();
        String[][] rows = {{ana, "Ana Pérez"}, {beto, "Beto Ruiz"}, {carla, "Carla Díaz"}};
        for (int i = 0; i < rows.length; i++) {
            talent.type(By.name("assignments[" + i + "].servantId"), rows[i][0])
                    .type(By.name("assignments[" + i + "].servantName"), rows[i][1])
                    .type(By.name("assignments[" + i + "].supervisorId"), boss)
                    .type(By.name("assignments[" + i + "].supervisorName"), "Jorge Jefe");
        }
        talent.click(button("Asignar")).awaitText("3 evaluaciones abiertas o confirmadas");
        assertThat(talent.currentUrl()).contains("/evaluations/cycles/" + cycleId);
        talent.assertAccessible();
    }

    /** Ana's goals: weights that do not sum 100 are refused beside the goals, then sent. */
    private void formulate(Browser servant) {
        servant.type(By.name("goals[0].description"), GOAL_1).type(By.name("goals[0].deliverable"), "Informe publicado")
                .type(By.name("goals[0].weight"), "60").type(By.name("goals[0].agreedPercentI"), "50")
                .type(By.name("goals[0].agreedPercentII"), "100")
                .type(By.name("goals[1].description"), GOAL_2).type(By.name("goals[1].deliverable"), "Sistema actualizado")
                .type(By.name("goals[1].weight"), "30").type(By.name("goals[1].agreedPercentI"), "40")
                .type(By.name("goals[1].agreedPercentII"), "100");
        servant.click(button("Enviar a mi jefe inmediato")).awaitText("deben sumar 100");
        servant.assertAccessible();
        servant.type(By.name("goals[1].weight"), "40");
        scrollTo(servant, "action").screenshot("40-eval-goals");
        servant.click(button("Enviar a mi jefe inmediato")).awaitText("Sus metas se enviaron a su jefe inmediato");
        assertThat(servant.text()).contains(GOAL_1, GOAL_2, "Aprobación de metas por el jefe inmediato");
        servant.assertAccessible();
    }

    private static void selfEvaluate(Browser servant, String evaluationId, String first, String second) {
        servant.open("/evaluations/" + evaluationId).awaitText("Autoevalúe cada meta");
        servant.type(By.name("compliance[0].compliancePercent"), first)
                .type(By.name("compliance[0].evidence"), "Borrador del informe")
                .type(By.name("compliance[1].compliancePercent"), second)
                .type(By.name("compliance[1].evidence"), "Actas de las pruebas");
        servant.assertAccessible();
        servant.click(button("Enviar la autoevaluación a mi jefe inmediato"))
                .awaitText("Su autoevaluación se envió").assertAccessible();
    }

    private static void supervise(Browser supervisor, String evaluationId, String decision, String notice) {
        supervisor.open("/evaluations/" + evaluationId).awaitText("Lo que sigue").assertAccessible();
        supervisor.click(button(decision)).awaitText(notice).assertAccessible();
    }

    private void submitGoalsThroughApi(String servant, String evaluationId) {
        ok(Screens.api(servant, institution, "SERVANT").post("/api/evaluations/" + evaluationId + "/goals/submit", """
                {"goals":[{"description":"Atender las solicitudes","deliverable":"Solicitudes resueltas",
                           "weight":100,"agreedPercentI":50,"agreedPercentII":100}]}"""));
    }

    /** The repetitive steps of a servant who is not the one on screen, from accepting the goals on. */
    private void walkThroughApi(String servant, String evaluationId, Api bossApi, int compliance, int rating) {
        Api api = Screens.api(servant, institution, "SERVANT");
        String path = "/api/evaluations/" + evaluationId;
        String report = """
                {"compliance":[{"goalNumber":1,"compliancePercent":%d,"evidence":"Informe de gestión"}]}""";
        ok(api.post(path + "/goals/accept", "{}"));
        ok(api.post(path + "/self-evaluations/I/submit", report.formatted(50)));
        ok(bossApi.post(path + "/self-evaluations/I/approve", "{}"));
        ok(api.post(path + "/self-evaluations/I/accept", "{}"));
        ok(api.post(path + "/self-evaluations/II/submit", report.formatted(compliance)));
        ok(bossApi.post(path + "/self-evaluations/II/approve", "{}"));
        ok(bossApi.post(path + "/competencies", """
                {"ratings":[{"competency":"Orientación a resultados","score":%d},
                            {"competency":"Trabajo en equipo","score":%d}]}""".formatted(rating, rating)));
        ok(api.post(path + "/final-result/accept", "{}"));
    }

    /** The cycle's evaluations by servant, as HR reads them from the API. */
    private Map<String, String> evaluationsOf(String cycleId) {
        JsonNode list = ok(Screens.api(hr, institution, "HR").get("/api/evaluations?cycleId=" + cycleId)).get("items");
        Map<String, String> byServant = new HashMap<>();
        list.forEach(evaluation -> byServant.put(evaluation.get("servantId").asText(),
                evaluation.get("evaluationId").asText()));
        assertThat(byServant).containsKeys(ana, beto, carla);
        return byServant;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 202);
        return response.json();
    }

    private static By button(String text) {
        return By.xpath("//button[normalize-space()='" + text + "']");
    }

    /** Date inputs take the ISO value whatever the browser's display format. */
    private static void date(Browser browser, String id, LocalDate value) {
        WebElement input = browser.find(By.id(id));
        browser.driver().executeScript("arguments[0].value = arguments[1]", input, value.toString());
    }

    private static Browser scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView()", id);
        return browser;
    }

    /** Reporting and plan-service follow the events: reload until the page shows what they add. */
    private static void awaitOnReload(Browser browser, String text) {
        awaitOnReload(browser, () -> browser.text().contains(text));
    }

    private static void awaitOnReload(Browser browser, Supplier<Boolean> shown) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.driver().navigate().refresh();
            browser.find(By.tagName("h1"));
            return shown.get();
        });
    }

    /** Fetches a download in the page, as the browser would, and answers its content type. */
    private static String download(Browser browser, String path) {
        Object type = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))
                    .catch(e => done('failed ' + e));""", path);
        assertThat(String.valueOf(type)).startsWith("200");
        return String.valueOf(type);
    }

    private static Path csv(String content) {
        try {
            Path file = Files.createTempFile("assignments", ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
