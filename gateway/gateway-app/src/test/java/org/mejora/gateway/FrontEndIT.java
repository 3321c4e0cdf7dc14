package org.mejora.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser front end needs besides the API: CORS and the API documentation. */
class FrontEndIT extends GatewayUnderTest {

    @Test
    void aConfiguredOriginPassesThePreflight() {
        Api.Response response = preflight("https://mejora.example.gov.co");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://mejora.example.gov.co");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    }

    @Test
    void anotherOriginIsRefused() {
        Api.Response response = preflight("https://evil.example.com");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theCorrelationIdIsReadableByTheFrontEnd() {
        Api.Response response = as(newUser(), "inst-f", "AUDITOR")
                .with(java.util.Map.of("Origin", "https://mejora.example.gov.co"))
                .get("/api/reports/plans/p-1/history");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Correlation-Id");
    }

    @Test
    void theServicesSeeTheGatewaysHostSoTheirDocumentsPointAtTheGateway() {
        Api.Response response = as(newUser(), "inst-f", "AUDITOR").get("/api/reports/plans/p-1/history");

        assertThat(response.json().get("host").asText()).isEqualTo("localhost:" + port);
    }

    @Test
    void eachServicesDocumentIsServedThroughTheGatewayWithoutAToken() {
        for (String service : new String[]{"plans", "evaluations", "reports"}) {
            Api.Response response = gateway().get("/v3/api-docs/" + service);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("info").get("title").asText()).isEqualTo(service);
        }
    }

    @Test
    void oneDocumentJoinsTheServicesDocuments() {
        Api.Response response = gateway().get("/v3/api-docs/mejora");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("paths").has("/api/plans/documented")).isTrue();
        assertThat(document.get("paths").has("/api/evaluations/documented")).isTrue();
        assertThat(document.get("paths").has("/api/reports/documented")).isTrue();
        assertThat(document.get("components").get("schemas").has("ProblemDetail")).isTrue();
        assertThat(document.get("components").get("schemas").has("plansView")).isTrue();
        assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.get("servers").get(0).get("url").asText()).isEqualTo("/");
    }

    @Test
    void theSwaggerUiListsTheJoinedAndTheServicesDocuments() {
        Api.Response config = gateway().get("/v3/api-docs/gateway/swagger-config");

        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        assertThat(config.text()).contains("/v3/api-docs/mejora", "/v3/api-docs/plans",
                "/v3/api-docs/evaluations", "/v3/api-docs/reports");
    }

    private Api.Response preflight(String origin) {
        return gateway().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }
}
