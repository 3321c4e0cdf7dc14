package org.mejora.system.screens;

import org.junit.jupiter.api.Test;
import org.mejora.system.SystemUnderTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening Mejora in a browser leads to the sign-in, and back to "mi trabajo" in the user's language. */
class SignInBrowserIT {

    @Test
    void aNewcomerSignsInAsADemoUserSwitchesToEnglishAndSignsOut() {
        String institution = Screens.newInstitution("signin");
        String owner = Screens.user("owner", institution, "Olga Owner", "PLAN_OWNER");
        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.open("/");
            browser.awaitText("Usuarios de demostración");
            browser.assertAccessible();
            browser.screenshot("00-sign-in");

            browser.signIn(owner);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mi trabajo");
            assertThat(browser.text()).contains("Olga Owner", institution, "Nada espera por usted hoy.");
            browser.assertAccessible();

            // The browser holds a session cookie only: HttpOnly, never a token.
            Cookie session = browser.driver().manage().getCookieNamed("MEJORA_SESSION");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(browser.driver().manage().getCookies())
                    .noneMatch(cookie -> cookie.getValue().startsWith("eyJ"));
            assertThat(browser.driver().getPageSource()).doesNotContain("eyJ");
            // Every answer carries a policy that forbids inline scripts.
            assertThat(browser.driver().executeScript("return document.querySelectorAll('script:not([src])').length"))
                    .isEqualTo(0L);

            browser.click(By.linkText("English"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My work");

            browser.click(By.cssSelector("form[action$='/logout'] button"));
            browser.awaitText("Usuarios de demostración");
            browser.open("/");
            browser.awaitText("Usuarios de demostración");
        }
    }

    /**
     * The session and the person's tokens live in the web database: a web app that died and came back (or another
     * instance of it) serves the signed-in person at once, without sending them through the identity server again,
     * a redirect that an htmx request cannot follow.
     */
    @Test
    void aSignedInPersonStaysSignedInWhenTheWebAppDiesAndComesBack() {
        String institution = Screens.newInstitution("restart");
        String owner = Screens.user("owner", institution, "Rita Reinicio", "PLAN_OWNER");
        try (Browser browser = Browser.desktop(Screens.url())) {
            browser.signIn(owner);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mi trabajo");

            SystemUnderTest.get().restart("web");

            Object answer = browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/plans', {redirect: 'manual'})
                        .then(r => done(r.type === 'opaqueredirect' ? 'redirected' : String(r.status)))
                        .catch(e => done('failed: ' + e));""");
            assertThat(answer).isEqualTo("200");
            browser.open("/plans");
            assertThat(browser.text()).contains("Rita Reinicio");
        }
    }

    @Test
    void homeFitsAPhone() {
        String institution = Screens.newInstitution("phone");
        String servant = Screens.user("servant", institution, "Sara Servidora", "SERVANT");
        try (Browser browser = Browser.phone(Screens.url())) {
            browser.signIn(servant);
            assertThat(browser.driver().executeScript("return document.documentElement.scrollWidth <= 360"))
                    .isEqualTo(true);
            browser.assertAccessible();
            browser.screenshot("01-home-phone");
        }
    }
}
