package org.mejora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side render time of the screens, through the gateway as a browser reaches them: a session signed in at the
 * local identity server with the real OpenID Connect redirects, then each page fetched one at a time. Beside each
 * page, the API call it is built from, through the same gateway in the same run.
 */
final class ScreenTimings {

    /**
     * The bench's user in the identity server's users file that bench.sh writes; also ADMIN, so that it may relax
     * separation of duties when it creates its plans and sign every step itself.
     */
    static final VerifiedUser USER = new VerifiedUser("bench-screens", "Bench Screens",
            EnumSet.of(Role.PLAN_OWNER, Role.PLAN_REVIEWER, Role.PLAN_APPROVER, Role.ADMIN), "bench-screens");

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The pause between two samples: one user's pages and API calls stay under the gateway's per-user rate limit
     * (a page is built from several calls), so latency is measured, never a 429.
     */
    private static final long PAUSE_MILLIS = 150;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final Config config;
    private final Targets.Target api;
    private final HttpClient browser;

    ScreenTimings(Config config, Targets targets) {
        this.config = config;
        this.api = targets.gateway();
        // A cookie jar and redirects followed: what a browser does, without rendering.
        this.browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in: the gateway sends the browser to the identity server, whose sign-in form sends it back signed in. */
    void signIn() throws IOException, InterruptedException {
        HttpResponse<String> login = browser.send(get(config.gatewayUrl() + "/"), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form at " + login.uri() + " (HTTP " + login.statusCode() + ")");
        }
        String form = "username=" + USER.userId() + "&password=demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        URI action = login.uri().resolve("/login");
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(action).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || !home.uri().toString().startsWith(config.gatewayUrl())) {
            throw new IllegalStateException("sign-in ended at " + home.uri() + " with HTTP " + home.statusCode());
        }
    }

    /** A plan of this many findings × actions each, created through the API as the bench's user, in execution. */
    String plan(int findings, int actionsPerFinding) throws IOException, InterruptedException {
        String planId = json(write("/api/plans", """
                {"kind":"AUDIT","title":"Plan de pantalla %d","formatCode":"GEM-FM014","formatVersion":"02",
                 "auditedProcess":"Gestión","period":"2026",
                 "separationOfDutiesRelaxed":true}""".formatted(findings * actionsPerFinding)))
                .get("planId").asText();
        for (int f = 1; f <= findings; f++) {
            String findingId = json(write("/api/plans/" + planId + "/findings", """
                    {"number":"%d","description":"Hallazgo %d del plan de referencia"}""".formatted(f, f)))
                    .get("findingId").asText();
            for (int a = 1; a <= actionsPerFinding; a++) {
                json(write("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                        {"number":"%d.%d","name":"Acción %d.%d","objective":"Cerrar la brecha",
                         "tasks":[{"number":1,"description":"Elaborar"},{"number":2,"description":"Publicar"}],"goalIndicator":"Documento publicado",
                         "responsibleUnit":"Secretaría %d","start":"2026-01","end":"2026-%02d"}"""
                        .formatted(f, a, f, a, f % 7, 1 + a % 12)));
            }
        }
        for (String step : new String[]{"submission", "review", "approval", "execution"}) {
            json(write("/api/plans/" + planId + "/" + step, "{}"));
        }
        return planId;
    }

    /** A set-up write; over the per-user rate limit it waits as the gateway says (Retry-After) and tries again. */
    private HttpResponse<String> write(String path, String json) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = api.send("POST", path, json, USER);
            if (response.statusCode() != 429) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000);
        }
    }

    String firstAction(String planId) throws IOException, InterruptedException {
        return json(api.send("GET", "/api/plans/" + planId, null, USER))
                .get("findings").get(0).get("actions").get(0).get("actionId").asText();
    }

    /** Render times of one page (ms, HTTP 200 only), after a warm-up. */
    Histogram page(String path, int samples) throws IOException, InterruptedException {
        Histogram latency = new Histogram(3);
        for (int i = -Math.max(5, samples / 5); i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = browser.send(get(config.gatewayUrl() + path),
                    HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() != 200 || !response.uri().getPath().equals(URI.create(path).getPath())) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " at " + response.uri());
            }
            if (i >= 0) {
                latency.recordValue(micros);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        return latency;
    }

    /** The same for the API call a page is built from, through the gateway with a bearer token. */
    Histogram apiCall(String path, int samples) throws IOException, InterruptedException {
        Histogram latency = new Histogram(3);
        for (int i = -Math.max(5, samples / 5); i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = api.send("GET", path, null, USER);
            long micros = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            if (i >= 0) {
                latency.recordValue(micros);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        return latency;
    }

    /** Pages of the plan life and the API call each is built from (the heaviest one, when it calls several). */
    static Map<String, String> pagesOf(String planId, String actionId) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "/api/plans");
        pages.put("/plans", "/api/plans");
        pages.put("/plans/" + planId, "/api/plans/" + planId);
        pages.put("/plans/" + planId + "/actions/" + actionId, "/api/plans/" + planId);
        pages.put("/dashboards?planId=" + planId, "/api/reports/dashboards/plans?planId=" + planId);
        return pages;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").GET().build();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
