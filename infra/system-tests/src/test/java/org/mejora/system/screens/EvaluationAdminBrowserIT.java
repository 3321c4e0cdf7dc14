package org.mejora.system.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform administrator rebuilds reporting's projections on screen: the progress bar follows the rebuild
 * (htmx asks every second) until it completes with the checksums of both sides; nobody else reaches the page, not
 * even an institution's ADMIN.
 */
class EvaluationAdminBrowserIT {

    @Test
    void thePlatformAdministratorWatchesARebuildUntilItsChecksumsAgree() {
        String institution = Screens.newInstitution("admin");
        String admin = Screens.user("platform", institution, "Adela Plataforma", "PLATFORM_ADMIN");
        String institutionAdmin = Screens.user("admin", institution, "Alba Admin", "ADMIN");
        String servant = Screens.user("servant", institution, "Sara Servidora", "SERVANT");
        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(admin);
            browser.click(By.linkText("Administración")).awaitText("Reconstruir las proyecciones de reportes");
            // The ingestion problems are listed beside the rebuild, with the count of events applied.
            assertThat(browser.find(By.id("ingestion")).getText()).contains("Problemas de ingesta",
                    "Eventos aplicados desde que el servicio arrancó");
            browser.assertAccessible();
            browser.click(By.xpath("//button[normalize-space()='Iniciar la reconstrucción']"));
            browser.find(By.id("rebuild-bar"));
            // The fragment replaces itself every second while the rebuild runs; a finished one stops asking.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(170)).until(driver ->
                    driver.findElement(By.id("rebuild-progress")).getText().contains("Terminada")
                            || driver.findElement(By.id("rebuild-progress")).getText().contains("Falló"));
            String progress = browser.find(By.id("rebuild-progress")).getText();
            assertThat(progress).contains("Terminada", "Las sumas de verificación de las tablas reconstruidas son "
                    + "iguales", "eventos por segundo");
            assertThat(browser.find(By.id("rebuild-bar")).getAttribute("value"))
                    .isEqualTo(browser.find(By.id("rebuild-bar")).getAttribute("max"));
            browser.assertAccessible().screenshot("47-admin-rebuild");
        }
        for (String nobody : new String[]{servant, institutionAdmin}) {
            try (Browser browser = Browser.desktop(Screens.url())) {
                browser.signIn(nobody);
                assertThat(browser.findAll(By.linkText("Administración"))).isEmpty();
                browser.open("/admin").awaitText("Sin permiso");
                assertThat(browser.findAll(By.xpath("//button[normalize-space()='Iniciar la reconstrucción']")))
                        .isEmpty();
                browser.assertAccessible();
            }
        }
    }
}
