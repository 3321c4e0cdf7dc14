package org.mejora.gateway;

import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that is down, slow or blinking, and a user who sends too much. */
class ResilienceIT extends GatewayUnderTest {

    @Test
    void aServiceThatIsDownIsAProblem503() {
        Api.Response response = as(newUser(), "inst-r", "PLAN_OWNER").get("/api/plans/unreachable/p-1");

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("no está disponible");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.header("X-Correlation-Id")).isEqualTo(response.json().get("correlationId").asText());
    }

    @Test
    void theProblemSpeaksEnglishWhenAsked() {
        Api.Response response = as(newUser(), "inst-r", "PLAN_OWNER").with(Map.of("Accept-Language", "en"))
                .get("/api/plans/unreachable/p-2");

        assertThat(response.json().get("detail").asText())
                .isEqualTo("The service behind /api/plans/unreachable/p-2 is not available right now; try again later.");
    }

    @Test
    void aServiceSlowerThanItsRouteTimeoutIsAProblem503() {
        long started = System.nanoTime();

        Api.Response response = as(newUser(), "inst-r", "AUDITOR").get("/api/reports/slow");

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        // Three attempts cut at the route's 2 s each, rather than waiting for the service's 6 s.
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aReadIsRetriedWhenTheServiceBlinks() {
        String path = "/api/reports/blink/" + newUser();

        Api.Response response = as(newUser(), "inst-r", "AUDITOR").get(path);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(REPORTS.attempts("GET", path)).isEqualTo(2);
    }

    @Test
    void aWriteIsNeverRetried() {
        String path = "/api/plans/blink/" + newUser();

        Api.Response response = as(newUser(), "inst-r", "PLAN_OWNER").post(path, "{}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(PLANS.attempts("POST", path)).isEqualTo(1);
    }

    @Test
    void aUserWhoSendsTooMuchIsToldToWaitWhileOthersAreServed() {
        Api greedy = as(newUser(), "inst-r", "AUDITOR");
        List<Integer> statuses = new ArrayList<>();
        Api.Response limited = null;
        for (int i = 0; i < RATE_LIMIT_BURST + 200 && limited == null; i++) {
            Api.Response response = greedy.get("/api/reports/plans/p-1/history");
            statuses.add(response.status());
            if (response.status() == 429) {
                limited = response;
            }
        }

        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(statuses.subList(0, RATE_LIMIT_BURST)).containsOnly(200);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(as(newUser(), "inst-r", "AUDITOR").get("/api/reports/plans/p-1/history").status()).isEqualTo(200);
    }
}
