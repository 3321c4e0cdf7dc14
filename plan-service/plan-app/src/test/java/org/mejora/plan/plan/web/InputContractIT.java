package org.mejora.plan.plan.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The input contract as plan-service keeps it: strict JSON, strict queries, bounded imports, localised problems. */
class InputContractIT extends PlanServiceContext {

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);

    private static void problem(Api.Response response, int status, String field, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("rule").asText()).isEqualTo(rule);
        if (field != null) {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private String plan() {
        return as(owner).post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"Plan\"}").json().get("planId").asText();
    }

    private String finding(String planId) {
        return as(owner).post("/api/plans/" + planId + "/findings", "{\"number\":\"1\",\"description\":\"H\"}")
                .json().get("findingId").asText();
    }

    private Api.Response upload(String path, byte[] file, String contentType) {
        return as(owner).send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    @Test
    void nullTasksUnknownFieldsAndCoercedValuesAreRefusedNamingTheField() {
        String planId = plan();
        String findingId = finding(planId);
        String actions = "/api/plans/" + planId + "/findings/" + findingId + "/actions";

        problem(as(owner).post(actions, "{\"number\":\"1.1\",\"name\":\"A\",\"tasks\":[null]}"), 400, "tasks[0]",
                "json.null");
        problem(as(owner).post(actions, "{\"number\":\"1.1\",\"name\":\"A\",\"color\":\"red\"}"), 400, "color",
                "json.unknown-field");
        problem(as(owner).post("/api/plans", "{\"kind\":\"0\",\"title\":\"Plan\"}"), 400, "kind", "json.enum");
        problem(as(owner).post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":false}"), 400, "title", "json.type");
        problem(as(owner).post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"P\",\"subscriptionDate\":"
                + "\"-2022-01-01\"}"), 400, "subscriptionDate", "json.date");
        problem(as(owner).post("/api/plans/" + planId + "/actions/x/progress", "{\"percent\":25.5}"), 400, "percent",
                "json.integer");
    }

    @Test
    void unknownEnumValuesAndPageSizesInQueriesAnswer400() {
        problem(as(owner).get("/api/plans?status=FOO"), 400, "status", "parameter.enum");
        problem(as(owner).get("/api/plans?size=201"), 400, "size", "page.size");
        problem(as(owner).get("/api/plans?kind=%00"), 400, "kind", "parameter.characters");
        plan();
        JsonNode page = as(owner).get("/api/plans?size=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("total").asLong()).isPositive();
    }

    @Test
    void problemsAreInSpanishByDefaultAndInEnglishOnRequest() {
        VerifiedUser servant = TestIdentities.user("amora", institution, Role.SERVANT);
        Api.Response spanish = as(servant).post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"Plan\"}");
        problem(spanish, 403, null, "forbidden");
        assertThat(spanish.json().get("detail").asText()).startsWith("Sus roles no le permiten");
        Api.Response english = as(servant).with(java.util.Map.of("Accept-Language", "en"))
                .post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"Plan\"}");
        assertThat(english.json().get("detail").asText()).startsWith("Your roles do not allow");
    }

    @Test
    void anImportWithoutDataRowsAnswers422AndCreatesNoPlan() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../../infra/demo/plan-001-GEM-FM014.tsv"));
        int header = 0;
        while (!lines.get(header).startsWith("N° hallazgo")) {
            header++;
        }
        String headersOnly = String.join("\n", lines.subList(0, header + 1)) + "\n";
        long before = as(owner).get("/api/plans").json().get("total").asLong();

        Api.Response rejected = upload("/api/plans/imports?fileName=plan.tsv&kind=AUDIT",
                headersOnly.getBytes(StandardCharsets.UTF_8), "text/tab-separated-values");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(as(owner).get("/api/plans").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void millionsOfShortRowsAreRefusedBeforeTheyFillTheHeap() {
        byte[] twelveMegabytes = "a\tb\tc\n".repeat(2_000_000).getBytes(StandardCharsets.US_ASCII);
        problem(upload("/api/plans/imports?fileName=rows.tsv", twelveMegabytes, "text/tab-separated-values"), 413,
                null, "body.too-large");

        byte[] nineMegabytes = "a\tb\n".repeat(2_250_000).getBytes(StandardCharsets.US_ASCII);
        Api.Response tooManyRows = upload("/api/plans/imports?fileName=rows.tsv", nineMegabytes,
                "text/tab-separated-values");
        assertThat(tooManyRows.status()).as(tooManyRows.toString()).isEqualTo(422);
        assertThat(tooManyRows.json().get("errors").get(0).get("rule").asText()).isEqualTo("import.too-many-rows");
        assertThat(tooManyRows.json().get("total").asInt()).isEqualTo(1);

        assertThat(Api.at(baseUrl()).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void multipartWithoutBoundaryAndWildcardContentTypeAreProblems() {
        Api.Response noBoundary = upload("/api/plans/imports", "x".getBytes(), "multipart/form-data");
        assertThat(noBoundary.status()).as(noBoundary.toString()).isBetween(400, 499);
        assertThat(noBoundary.header("Content-Type")).startsWith("application/problem+json");
        Api.Response wildcard = upload("/api/plans", "{}".getBytes(), "*/*");
        assertThat(wildcard.status()).as(wildcard.toString()).isBetween(400, 499);
        assertThat(wildcard.header("Content-Type")).startsWith("application/problem+json");
    }
}
