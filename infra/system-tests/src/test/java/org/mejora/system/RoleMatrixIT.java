package org.mejora.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the gateway's API documents × every role × the user's own institution and another one, against
 * ONE table of expected outcomes ({@code role-matrix.tsv}): {@code A} allowed (the service decided something after
 * authorizing: 2xx, 400, 404 of a sub-resource, 409, 422), {@code F} refused (403), {@code H} hidden (404, as unknown
 * data). An operation the documents list without a line in the table fails the test, so a new endpoint cannot ship
 * without its authorization decision written down; a line no operation matches fails it too.
 *
 * <p>Requests use real ids of one institution's plan (in execution, with a finding, an action and a report draft),
 * evaluation cycle and evaluation, and carry minimal bodies generated from the documents' schemas. Every write sends
 * a stale {@code If-Match}, so plan-service authorizes and then refuses it (409) without changing the plan. The
 * servant and the supervisor are the evaluation's own; every other role is a user of its own. The matrix actually
 * observed is written to {@code target/role-matrix-observed.tsv}.
 */
class RoleMatrixIT {

    private static final List<String> DOCUMENTS = List.of("plans", "evaluations", "reports");
    private static final List<Role> ROLES = List.of(Role.values());
    private static final String STALE = "\"999999\"";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final SystemUnderTest system = SystemUnderTest.get();
    private final String own = TestIdentities.newInstitution();
    private final String other = TestIdentities.newInstitution();
    private final Map<String, String> ids = new LinkedHashMap<>();

    record Operation(String method, String path, JsonNode operation, JsonNode document) {
        String key() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEveryRoleOfBothInstitutionsAsTheTableSays() throws IOException {
        Map<String, Map<Role, String>> expected = table();
        List<Operation> operations = operations();
        List<String> unexpected = operations.stream().map(Operation::key).filter(k -> !expected.containsKey(k))
                .toList();
        Set<String> stale = new LinkedHashSet<>(expected.keySet());
        operations.forEach(operation -> stale.remove(operation.key()));

        prepareData();
        Set<String> unknownParameters = new LinkedHashSet<>();
        operations.forEach(operation -> {
            Matcher matcher = PARAMETER.matcher(operation.path());
            while (matcher.find()) {
                if (!ids.containsKey(matcher.group(1))) {
                    unknownParameters.add(matcher.group(1) + " in " + operation.key());
                }
            }
        });
        assertThat(unknownParameters).as("path parameters this test has no value for").isEmpty();
        Map<String, Map<Role, String>> observed = new TreeMap<>();
        Map<String, Map<Role, String>> statuses = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Operation operation : operations) {
            for (Role role : ROLES) {
                Api.Response inOwn = send(operation, user(role, own));
                Api.Response inOther = send(operation, user(role, other));
                String outcome = outcome(inOwn) + outcome(inOther);
                observed.computeIfAbsent(operation.key(), k -> new TreeMap<>()).put(role, outcome);
                statuses.computeIfAbsent(operation.key(), k -> new TreeMap<>())
                        .put(role, inOwn.status() + "/" + inOther.status());
                String wanted = expected.getOrDefault(operation.key(), Map.of()).get(role);
                if (wanted != null && !wanted.equals(outcome)) {
                    mismatches.add(operation.key() + " " + role + ": expected " + wanted + ", got " + outcome
                            + " (own " + brief(inOwn) + "; other " + brief(inOther) + ")");
                }
            }
        }
        writeObserved(observed, statuses);
        int cells = operations.size() * ROLES.size() * 2;
        System.out.printf("role matrix: %d operations x %d roles x 2 institutions = %d requests%n",
                operations.size(), ROLES.size(), cells);

        assertThat(unexpected).as("operations without an expectation in role-matrix.tsv").isEmpty();
        assertThat(stale).as("lines of role-matrix.tsv that no operation matches").isEmpty();
        assertThat(mismatches).as("decisions that differ from role-matrix.tsv").isEmpty();
        assertThat(operations.size()).as("the documents list the whole API").isGreaterThan(40);
    }

    // The table: one line per operation, one column per role, each cell the outcome in the own and the other
    // institution.

    private static Map<String, Map<Role, String>> table() throws IOException {
        Map<String, Map<Role, String>> table = new LinkedHashMap<>();
        List<Role> columns = null;
        try (InputStream in = RoleMatrixIT.class.getResourceAsStream("/role-matrix.tsv")) {
            assertThat(in).as("role-matrix.tsv on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells[0].equals("method")) {
                    columns = Arrays.stream(cells).skip(2).map(Role::valueOf).toList();
                    assertThat(columns).as("a column per role").containsExactlyInAnyOrderElementsOf(ROLES);
                    continue;
                }
                assertThat(columns).as("the header line comes first").isNotNull();
                assertThat(cells).as(line).hasSize(columns.size() + 2);
                Map<Role, String> outcomes = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    String cell = cells[i + 2].trim();
                    assertThat(cell).as(line).matches("[AFH][AFH]");
                    outcomes.put(columns.get(i), cell);
                }
                assertThat(table.put(cells[0] + " " + cells[1], outcomes)).as("one line per operation: " + line)
                        .isNull();
            }
        }
        return table;
    }

    private static void writeObserved(Map<String, Map<Role, String>> observed, Map<String, Map<Role, String>> statuses)
            throws IOException {
        StringBuilder out = new StringBuilder("method\tpath");
        ROLES.forEach(role -> out.append('\t').append(role));
        out.append('\n');
        StringBuilder codes = new StringBuilder(out);
        observed.forEach((key, outcomes) -> {
            out.append(key.replaceFirst(" ", "\t"));
            codes.append(key.replaceFirst(" ", "\t"));
            ROLES.forEach(role -> {
                out.append('\t').append(outcomes.get(role));
                codes.append('\t').append(statuses.get(key).get(role));
            });
            out.append('\n');
            codes.append('\n');
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "role-matrix-observed.tsv"), out);
        Files.writeString(Path.of("target", "role-matrix-statuses.tsv"), codes);
    }

    private static String outcome(Api.Response response) {
        int status = response.status();
        assertThat(status).as("a valid token is never refused as unauthenticated: " + brief(response))
                .isNotEqualTo(401);
        assertThat(status).as("no 5xx for any role: " + brief(response)).isLessThan(500);
        return switch (status) {
            case 403 -> "F";
            case 404 -> "H";
            default -> "A";
        };
    }

    private static String brief(Api.Response response) {
        String text = response.text();
        return response.status() + " " + (text.length() > 160 ? text.substring(0, 160) : text);
    }

    // The operations of the gateway's API documents.

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String name : DOCUMENTS) {
            Api.Response document = system.gateway().get("/v3/api-docs/" + name);
            assertThat(document.status()).as(document.toString()).isEqualTo(200);
            JsonNode json = document.json();
            json.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            method.getValue(), json));
                }
            }));
        }
        operations.sort((a, b) -> a.key().compareTo(b.key()));
        return operations;
    }

    // One institution's data for the path parameters, made by the roles that own it (three different signers).

    private void prepareData() {
        Api owner = as(TestIdentities.withPosition(TestIdentities.user("lhernandez", own, Role.PLAN_OWNER),
                "Directora de Planeación"));
        Api reviewer = as(TestIdentities.user("control", own, Role.PLAN_REVIEWER));
        Api approver = as(TestIdentities.user("ccruz", own, Role.PLAN_APPROVER));
        String planId = field(owner.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de la matriz de roles","period":"2026"}"""), 201, "planId");
        String findingId = field(owner.post("/api/plans/" + planId + "/findings", """
                {"number":"1","description":"No se evidencia una política de innovación","source":{"type":"AUDIT"}}"""),
                201, "findingId");
        String actionId = field(owner.post("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                {"number":"1","name":"Diseñar una política de innovación","start":"2026-01-01","end":"2026-12-31"}"""),
                201, "actionId");
        expect(owner.post("/api/plans/" + planId + "/submission", "{}"), 204);
        expect(reviewer.post("/api/plans/" + planId + "/review", "{}"), 204);
        expect(approver.post("/api/plans/" + planId + "/approval", "{}"), 204);
        expect(approver.post("/api/plans/" + planId + "/execution", "{}"), 204);
        String reportId = field(owner.post("/api/plans/" + planId + "/reports", """
                {"period":"2026","conclusions":"Avanza"}"""), 201, "reportId");
        // An evidence file (a minimal PDF), for GET /api/plans/{planId}/evidence-files/{fileId}.
        String fileId = field(owner.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + system.port("gateway") + "/api/plans/" + planId + "/evidence-files?fileName=acta.pdf"))
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"))),
                201, "fileId");

        Api hr = as(TestIdentities.user("talento", own, Role.HR));
        String cycleId = field(hr.post("/api/cycles", """
                {"year":2026,"name":"Evaluación 2026",
                 "stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},
                           {"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
                           {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
                 "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                          {"name":"Satisfactorio","minScore":65,"maxScore":100}],
                 "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                 "competencies":["Orientación a resultados"]}"""), 201, "cycleId");
        Api.Response assigned = hr.post("/api/cycles/" + cycleId + "/assignments", """
                {"assignments":[{"servantId":"ana","servantName":"Ana Pérez","supervisorId":"jgomez",
                                 "supervisorName":"Jorge Gómez"}]}""");
        expect(assigned, 200);
        String evaluationId = assigned.json().get("evaluations").get(0).get("evaluationId").asText();

        // A rebuild the platform administrator started, so that GET /api/reports/rebuilds/current has one to show.
        expect(as(TestIdentities.user("plataforma", "mejora-plataforma", Role.PLATFORM_ADMIN))
                .post("/api/reports/rebuilds", ""), 202);
        Api auditor = as(TestIdentities.user("auditor", own, Role.AUDITOR));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(auditor.get("/api/reports/history/plans/" + planId).status()).isEqualTo(200);
            assertThat(auditor.get("/api/reports/history/evaluations/" + evaluationId).status()).isEqualTo(200);
        });
        ids.put("planId", planId);
        ids.put("findingId", findingId);
        ids.put("actionId", actionId);
        ids.put("reportId", reportId);
        ids.put("cycleId", cycleId);
        ids.put("evaluationId", evaluationId);
        ids.put("fileId", fileId);
        // A dead letter that cannot exist (other tests may leave real ones): who may try a replay, nothing replayed.
        ids.put("partition", "0");
        ids.put("offset", "999999999");
        ids.put("stage", "FORMULATION");
        // Required query parameters: an instant after the data exists (as-of), a period that contains it (compare).
        ids.put("at", Instant.now().plusSeconds(60).toString());
        ids.put("from", "2025-01-01");
        ids.put("to", "2027-12-31");
        // GET /api/reports/history/{kind}/{id}: the plan's history.
        ids.put("kind", "plans");
        ids.put("format", "pdf");
        ids.put("id", planId);
        ids.put("followUp", "I");
        // A notification nobody has (each user reaches only their own), and a person of the people directory.
        ids.put("notificationId", "999999999");
        ids.put("userId", "ana");
    }

    /** The user of a role: the evaluation's own servant and supervisor, a user of its own for every other role. */
    private static VerifiedUser user(Role role, String institution) {
        String id = switch (role) {
            case SERVANT -> "ana";
            case SUPERVISOR -> "jgomez";
            default -> "matrix-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
        return TestIdentities.user(id, institution, role);
    }

    private Api as(VerifiedUser user) {
        return system.gateway().bearer(TestTokens.token(user));
    }

    // Requests: real ids in the path, required query parameters, a minimal body from the schema.

    private Api.Response send(Operation operation, VerifiedUser user) {
        String url = "http://localhost:" + system.port("gateway") + path(operation) + query(operation);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        JsonNode content = operation.operation().path("requestBody").path("content");
        if (operation.method().equals("GET") || operation.method().equals("DELETE") || content.isEmpty()) {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            Map.Entry<String, String> body = body(content, operation.document());
            request.header("Content-Type", body.getKey())
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(body.getValue()));
        }
        if (!operation.method().equals("GET")) {
            request.header("If-Match", STALE);
        }
        Api api = as(user);
        for (int attempt = 0; ; attempt++) {
            Api.Response response = api.send(request.copy());
            if (response.status() != 429 || attempt > 20) {
                return response;
            }
            sleep(response.header("Retry-After"));
        }
    }

    private String path(Operation operation) {
        Matcher matcher = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = ids.get(matcher.group(1));
            assertThat(value).as("a value for the path parameter {" + matcher.group(1) + "} of " + operation.key())
                    .isNotNull();
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String query(Operation operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.operation().path("parameters")) {
            String name = parameter.path("name").asText();
            if (!"query".equals(parameter.path("in").asText()) || !parameter.path("required").asBoolean(false)) {
                continue;
            }
            String value = ids.containsKey(name) ? ids.get(name)
                    : sample(parameter.path("schema"), operation.document(), name, 0).asText();
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static Map.Entry<String, String> body(JsonNode content, JsonNode document) {
        if (content.has("application/json")) {
            return Map.entry("application/json",
                    sample(content.get("application/json").path("schema"), document, "", 0).toString());
        }
        String type = content.properties().iterator().next().getKey();
        if (type.equals("multipart/form-data")) {
            StringBuilder parts = new StringBuilder();
            content.get(type).path("schema").path("properties").properties().forEach(part -> parts
                    .append("--matrix-boundary\r\nContent-Disposition: form-data; name=\"").append(part.getKey())
                    .append("\"; filename=\"matriz.tsv\"\r\nContent-Type: text/tab-separated-values\r\n\r\n")
                    .append("No.\tHALLAZGO\r\n"));
            return Map.entry(type + "; boundary=matrix-boundary", parts + "--matrix-boundary--\r\n");
        }
        if (type.equals("text/csv")) {
            return Map.entry(type, "servantId,servantName,supervisorId,supervisorName\nmatrix,Matriz,jgomez,Jorge\n");
        }
        // Imports read a table: a header row and nothing more, which every importer refuses after authorizing.
        return Map.entry(type.contains("*") ? "text/tab-separated-values" : type, "No.\tHALLAZGO\n");
    }

    /**
     * A plain value a schema accepts: every property (primitives such as {@code int} are not listed as required, yet
     * must be present), one item per array, the first enum value.
     */
    private static JsonNode sample(JsonNode schema, JsonNode document, String name, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return sample(document.path("components").path("schemas").path(ref), document, name, depth + 1);
        }
        if (schema.has("allOf")) {
            return sample(schema.get("allOf").get(0), document, name, depth + 1);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return sample((schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0), document, name,
                    depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                if (depth < 6) {
                    schema.path("properties").properties().forEach(property -> object.set(property.getKey(),
                            sample(property.getValue(), document, property.getKey(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth < 6) {
                    array.add(sample(schema.path("items"), document, name, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                return nodes.numberNode(Math.max(minimum, 1));
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("date")) {
                    return nodes.textNode("2026-03-01");
                }
                if (format.equals("date-time")) {
                    return nodes.textNode("2026-03-01T00:00:00Z");
                }
                return nodes.textNode("Matriz " + name);
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.elements(); it.hasNext(); ) {
                String candidate = it.next().asText();
                if (!candidate.equals("null")) {
                    return candidate;
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static String field(Api.Response response, int status, String field) {
        expect(response, status);
        return response.json().get(field).asText();
    }

    private static void expect(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    private static void sleep(String retryAfter) {
        try {
            Thread.sleep(retryAfter == null ? 500 : Math.min(5_000, Long.parseLong(retryAfter.trim()) * 1_000));
        } catch (NumberFormatException e) {
            sleep(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
