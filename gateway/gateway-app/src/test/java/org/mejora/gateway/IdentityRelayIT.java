package org.mejora.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.identity.IdentityHeaders;
import org.mejora.testing.Api;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services are told: the user's own token, unchanged, which they verify themselves; never an identity
 * header a client invents; and a correlation id.
 */
class IdentityRelayIT extends GatewayUnderTest {

    @Test
    void theServiceIsRelayedTheUsersTokenAndReadsTheirRolesAndInstitutionFromIt() {
        String user = newUser();

        JsonNode seen = as(user, "alcaldia-calica", "PLAN_OWNER", "AUDITOR").get("/api/plans/p-1").json();

        assertThat(seen.get("user").asText()).isEqualTo(user);
        assertThat(seen.get("institution").asText()).isEqualTo("alcaldia-calica");
        assertThat(seen.get("roles").asText()).isEqualTo("AUDITOR,PLAN_OWNER");
        assertThat(seen.get("sawAuthorization").asBoolean()).as("the token is relayed unchanged").isTrue();
        assertThat(seen.get("identityHeaderCounts").isEmpty()).as("no identity header of the gateway's own").isTrue();
    }

    @Test
    void forgedIdentityHeadersAreDroppedAndTheServiceSeesTheTokensUser() {
        String user = newUser();
        Map<String, String> forged = new LinkedHashMap<>(Map.of("X-Mejora-User", "boss",
                "X-Mejora-Roles", "ADMIN,OVERSIGHT", "X-Mejora-Institution", "another-institution"));
        forged.put("X-Mejora-Extra", "whatever");

        JsonNode seen = as(user, "inst-a", "SERVANT").with(forged).get("/api/evaluations/e-1").json();

        assertThat(seen.get("user").asText()).isEqualTo(user);
        assertThat(seen.get("institution").asText()).isEqualTo("inst-a");
        assertThat(seen.get("roles").asText()).isEqualTo("SERVANT");
        // Nothing the client invented reaches the service.
        assertThat(seen.get("identityHeaderCounts").isEmpty()).as(seen.toString()).isTrue();
    }

    @Test
    void theRetiredIdentityHeadersWithoutATokenAreNotTrusted() {
        Api.Response response = gateway()
                .with(Map.of("X-Mejora-User", "boss", "X-Mejora-Roles", "ADMIN", "X-Mejora-Institution", "inst-a"))
                .get("/api/plans/p-1");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void anotherInstitutionsDataIsNeverShownEvenWithAForgedInstitutionHeader() {
        String path = "/api/reports/plans/owned-by/alcaldia-calica";
        Map<String, String> forged = Map.of("X-Mejora-Institution", "alcaldia-calica");

        Api.Response intruder = as("intruder", "upme", "AUDITOR").with(forged).get(path);
        Api.Response owner = as(newUser(), "alcaldia-calica", "AUDITOR").get(path);
        Api.Response oversight = as(newUser(), "procuraduria", "OVERSIGHT").get(path);

        assertThat(intruder.status()).isIn(403, 404);
        assertThat(intruder.text()).doesNotContain("data of");
        assertThat(owner.json().get("secret").asText()).isEqualTo("data of alcaldia-calica");
        assertThat(oversight.json().get("secret").asText()).isEqualTo("data of alcaldia-calica");
    }

    @Test
    void aCorrelationIdIsGeneratedWhenAbsentAndReturned() {
        Api.Response response = as(newUser(), "inst-a", "HR").get("/api/cycles/c-1");

        String returned = response.header(IdentityHeaders.CORRELATION_ID);
        assertThat(returned).isNotBlank();
        assertThat(response.json().get("correlationId").asText()).isEqualTo(returned);
    }

    @Test
    void theClientsCorrelationIdIsPassedOnAndReturned() {
        Api.Response response = as(newUser(), "inst-a", "HR")
                .with(Map.of(IdentityHeaders.CORRELATION_ID, "front-end-42")).get("/api/cycles/c-1");

        assertThat(response.header(IdentityHeaders.CORRELATION_ID)).isEqualTo("front-end-42");
        assertThat(response.json().get("correlationId").asText()).isEqualTo("front-end-42");
    }

    @Test
    void aCorrelationIdThatCouldPolluteLogsIsReplaced() {
        Api.Response response = as(newUser(), "inst-a", "HR")
                .with(Map.of(IdentityHeaders.CORRELATION_ID, "<script>" + "x".repeat(200))).get("/api/cycles/c-1");

        assertThat(response.header(IdentityHeaders.CORRELATION_ID)).doesNotContain("<script>").hasSizeLessThan(100);
        assertThat(response.json().get("correlationId").asText())
                .isEqualTo(response.header(IdentityHeaders.CORRELATION_ID));
    }

    @Test
    void refusalsCarryTheCorrelationIdToo() {
        Api.Response response = gateway().with(Map.of(IdentityHeaders.CORRELATION_ID, "refused-1"))
                .get("/api/plans/p-1");

        assertThat(response.header(IdentityHeaders.CORRELATION_ID)).isEqualTo("refused-1");
        assertThat(response.json().get("correlationId").asText()).isEqualTo("refused-1");
    }

    @Test
    void accentedNamesReachTheServiceIntact() {
        String user = "josé.pérez-" + newUser();

        JsonNode seen = as(user, "alcaldía-calica", "PLAN_OWNER").get("/api/plans/p-2").json();

        assertThat(seen.get("user").asText()).isEqualTo(user);
        assertThat(seen.get("name").asText()).isEqualTo(user);
        assertThat(seen.get("institution").asText()).isEqualTo("alcaldía-calica");
    }
}
