package org.mejora.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests through the gateway, generated from its joined OpenAPI documents with a fixed seed: bodies
 * with wrong types, missing and extra fields, nulls, huge texts, bad dates, enum indexes; bad query values, control
 * characters, bad content types and bodies over the limit. Only against the test's own institution, with valid
 * tokens. Nothing may answer 5xx, every 4xx is an RFC 9457 problem with errors[], and another institution's data,
 * created before, is unchanged afterwards.
 */
class FuzzIT {

    private static final long SEED = 16;
    private static final int REQUESTS_PER_OPERATION = 40;
    private static final int MIN_REQUESTS = 2_000;
    private static final int USERS = 12;
    private static final String[] ROLES = {"PLAN_OWNER", "PLAN_REVIEWER", "PLAN_APPROVER", "HR", "AUDITOR",
            "SUPERVISOR", "SERVANT", "ADMIN"};
    private static final List<String> DOCUMENTS = List.of("plans", "evaluations", "reports");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOSED = "X-Fuzz-Connection-Closed";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SystemUnderTest system = SystemUnderTest.get();
    private final String institution = TestIdentities.newInstitution();
    private final String other = TestIdentities.newInstitution();
    private final Random random = new Random(SEED);
    private final Map<String, String> known = new LinkedHashMap<>();

    private record Operation(String method, String path, JsonNode operation) {
    }

    private record Probe(String method, String path, String contentType, byte[] body, String kind) {
    }

    @Test
    void malformedRequestsAnswerProblemsAndNeverTouchAnotherInstitution() throws Exception {
        Api otherOwner = system.gatewayAs("fuzz-other-owner", other, "PLAN_OWNER");
        String otherPlan = createPlan(otherOwner);
        JsonNode otherBefore = otherOwner.get("/api/plans/" + otherPlan).json();
        long otherTotal = otherOwner.get("/api/plans").json().get("total").asLong();

        Api owner = as(0);
        known.put("planId", createPlan(owner));
        JsonNode plan = owner.get("/api/plans/" + known.get("planId")).json();
        known.put("findingId", plan.at("/findings/0/findingId").asText());
        known.put("actionId", plan.at("/findings/0/actions/0/actionId").asText());
        known.put("id", known.get("planId"));
        known.put("cycleId", openCycle(owner));

        List<Operation> operations = operations();
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : operations) {
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                probes.add(probe(operation, i));
            }
        }
        // A few bodies over the 10 MB limit, with and without a declared length.
        for (Operation operation : operations) {
            if (operation.operation().has("requestBody") && probes.stream().noneMatch(p -> p.kind().equals("huge-"
                    + operation.method()))) {
                probes.add(new Probe(operation.method(), fill(operation.path(), false), "application/json",
                        new byte[11 * 1024 * 1024], "huge-" + operation.method()));
            }
        }
        // Paths no service serves, and control characters in a path.
        for (String path : List.of("/api/unknown", "/api/plans/" + known.get("planId") + "/nothing/here", "/api",
                "/api/plans/%00", "/api/reports/history/plans/%00x", "/api/cycles/%1F")) {
            probes.add(new Probe("GET", path, null, null, "path"));
            probes.add(new Probe("POST", path, "application/json", "{}".getBytes(), "path"));
        }
        // One more without a declared length: the service counts what it reads.
        probes.add(new Probe("POST", "/api/plans", "application/json",
                ("{\"kind\":\"AUDIT\",\"title\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}")
                        .getBytes(StandardCharsets.US_ASCII), "huge-chunked"));
        Collections.shuffle(probes, random);
        assertThat(probes).hasSizeGreaterThanOrEqualTo(MIN_REQUESTS);

        Map<Integer, AtomicInteger> byStatus = new TreeMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> sent = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        for (Probe probe : probes) {
            sent.add(pool.submit(() -> {
                Api.Response response = send(as(n.getAndIncrement() % USERS), probe);
                counts.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                String failure = judge(probe, response);
                if (failure != null) {
                    failures.add(failure);
                }
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        pool.shutdown();
        byStatus.putAll(counts);
        System.out.printf("FuzzIT: %d requests over %d operations in %d s; by status: %s%n", probes.size(),
                operations.size(), Duration.between(started, Instant.now()).toSeconds(), byStatus);

        assertThat(failures).as("answers that break the input contract").isEmpty();
        assertThat(otherOwner.get("/api/plans/" + otherPlan).json()).isEqualTo(otherBefore);
        assertThat(otherOwner.get("/api/plans").json().get("total").asLong()).isEqualTo(otherTotal);
    }

    private Api as(int user) {
        return system.gatewayAs("fuzz-" + user, institution, ROLES);
    }

    private static String judge(Probe probe, Api.Response response) {
        String what = probe.kind() + " " + probe.method() + " " + probe.path() + " [" + probe.contentType() + "] "
                + preview(probe.body()) + " -> " + response.status() + " " + preview(response.body());
        if (response.status() >= 500) {
            return "5xx: " + what;
        }
        if (response.header(CLOSED) != null) {
            return null;
        }
        if (response.status() >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return "not a problem: " + what;
            }
            JsonNode body = response.json();
            if (!body.path("errors").isArray() || body.path("detail").asText().isBlank()) {
                return "problem without errors[] or detail: " + what;
            }
        }
        return null;
    }

    private static String preview(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return body.length > 300 ? text + "…(" + body.length + " bytes)" : text;
    }

    private Api.Response send(Api api, Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + system.port("gateway")
                + probe.path()));
        request.header("Accept", "application/json");
        if (probe.path().length() % 4 == 0) {
            request.header("Accept-Language", "en");
        }
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        request.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : probe.kind().equals("huge-chunked")
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(probe.body()))
                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        try {
            return api.send(request);
        } catch (UncheckedIOException closed) {
            // The gateway answers 413 to a body over the limit and closes the connection, which the client may see
            // before it reads the answer; the body was refused, nothing failed.
            if (probe.kind().startsWith("huge")) {
                return new Api.Response(413, new byte[0], Map.of(CLOSED, List.of("true")));
            }
            throw closed;
        }
    }

    private Probe probe(Operation operation, int i) {
        boolean withBody = operation.operation().has("requestBody");
        JsonNode schema = withBody ? bodySchema(operation.operation()) : null;
        String path = fill(operation.path(), i % 7 == 3);
        String query = query(operation.operation(), i);
        String target = path + (query.isEmpty() ? "" : "?" + query);
        if (!withBody) {
            return new Probe(operation.method(), target, null, null, "query");
        }
        String declared = declaredType(operation.operation());
        return switch (i % 10) {
            case 0 -> new Probe(operation.method(), target, "*/*", bytes(value(schema, 0)), "any-type");
            case 1 -> new Probe(operation.method(), target, "multipart/form-data", bytes(value(schema, 0)),
                    "no-boundary");
            case 2 -> new Probe(operation.method(), target, "text/plain", bytes(value(schema, 0)), "text");
            case 3 -> new Probe(operation.method(), target, declared, "{\"broken\":".getBytes(), "syntax");
            default -> new Probe(operation.method(), target, declared, bytes(mutate(value(schema, 0))), "mutated");
        };
    }

    private static byte[] bytes(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body near the declared one with one thing wrong, or now and then right. */
    private JsonNode mutate(JsonNode body) {
        int kind = random.nextInt(12);
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return kind % 2 == 0 ? NODES.textNode("x") : NODES.arrayNode().addNull();
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode original = object.get(field);
        switch (kind) {
            case 0 -> object.put(field, false);
            case 1 -> object.put(field, 25.5);
            case 2 -> object.put(field, "0");
            case 3 -> object.put(field, 0);
            case 4 -> object.putNull(field);
            case 5 -> object.remove(field);
            case 6 -> object.put("unexpected" + random.nextInt(100), "x");
            case 7 -> object.put(field, "x".repeat(200_000));
            case 8 -> object.put(field, random.nextBoolean() ? "-2022-01-01" : "2023-02-30");
            case 9 -> object.set(field, NODES.arrayNode().addNull());
            case 10 -> object.put(field, "a\u0000b");
            default -> {
                if (original != null && original.isArray()) {
                    ((ArrayNode) original).addNull();
                } else if (original != null && original.isObject()) {
                    ((ObjectNode) original).put("unexpected", 1);
                } else {
                    object.put(field, 99999999999L);
                }
            }
        }
        return object;
    }

    /** A value of the schema, as a client that read the documentation would send it. */
    private JsonNode value(JsonNode schema, int depth) {
        if (schema == null || depth > 6) {
            return NODES.objectNode();
        }
        if (schema.has("$ref")) {
            return value(resolve(schema.get("$ref").asText()), depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "string" -> switch (schema.path("format").asText()) {
                case "date" -> NODES.textNode("2026-05-01");
                case "date-time" -> NODES.textNode("2026-05-01T10:00:00Z");
                default -> NODES.textNode("Texto de prueba " + random.nextInt(1000));
            };
            case "integer" -> NODES.numberNode(25);
            case "number" -> NODES.numberNode(2.5);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(value(schema.get("items"), depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), value(property.getValue(), depth + 1));
                }
                yield object;
            }
        };
    }

    private final Map<String, JsonNode> schemas = new LinkedHashMap<>();

    private JsonNode resolve(String ref) {
        return schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static JsonNode bodySchema(JsonNode operation) {
        Iterator<JsonNode> contents = operation.path("requestBody").path("content").elements();
        return contents.hasNext() ? contents.next().path("schema") : null;
    }

    private static String declaredType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : "application/json";
    }

    private String query(JsonNode operation, int i) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = switch ((i + name.length()) % 9) {
                case 0 -> "FOO";
                case 1 -> "%00";
                case 2 -> "-1";
                case 3 -> "99999999999";
                case 4 -> "201";
                case 5 -> "-2022-01-01";
                case 6 -> "%C3%28";
                case 7 -> encode("x".repeat(2000));
                default -> encode(good(name, parameter.path("schema")));
            };
            if (name.equals("institutionId")) {
                value = institution;
            }
            pairs.add(encode(name) + "=" + value);
        }
        return String.join("&", pairs);
    }

    private String good(String name, JsonNode schema) {
        JsonNode resolved = schema.has("$ref") ? resolve(schema.get("$ref").asText()) : schema;
        if (resolved != null && resolved.has("enum")) {
            return resolved.get("enum").get(0).asText();
        }
        String type = resolved == null ? "string" : resolved.path("type").asText("string");
        if (type.equals("integer")) {
            return "1";
        }
        if (resolved != null && resolved.path("format").asText().equals("date")) {
            return "2026-05-01";
        }
        if (resolved != null && resolved.path("format").asText().equals("date-time")) {
            return "2026-05-01T00:00:00Z";
        }
        return known.getOrDefault(name, "x");
    }

    /** The path with the test's own ids, or now and then with garbage in one of them. */
    private String fill(String template, boolean garbage) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                path.append(template.substring(at));
                return path.toString();
            }
            int close = template.indexOf('}', open);
            path.append(template, at, open);
            String name = template.substring(open + 1, close);
            String value = switch (name) {
                case "followUp" -> "I";
                case "stage" -> "FORMULATION";
                case "kind" -> "plans";
                case "format" -> "pdf";
                default -> known.getOrDefault(name, java.util.UUID.randomUUID().toString());
            };
            path.append(garbage ? (random.nextBoolean() ? "FOO" : "%20%27") : value);
            at = close + 1;
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Api.Response answer = as(0).get("/v3/api-docs/" + document);
            JsonNode api = answer.json();
            assertThat(api.path("paths").size()).as("/v3/api-docs/" + document + ": " + preview(answer.body()))
                    .isPositive();
            api.path("components").path("schemas").fields()
                    .forEachRemaining(entry -> schemas.put(entry.getKey(), entry.getValue()));
            api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                // A rebuild spans every institution: not for a test confined to its own.
                if (!path.getKey().contains("rebuild")) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }));
        }
        operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private static String createPlan(Api owner) {
        Api.Response created = owner.post("/api/plans",
                "{\"kind\":\"AUDIT\",\"title\":\"Plan de prueba\",\"period\":\"2026\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String planId = created.json().get("planId").asText();
        Api.Response finding = owner.post("/api/plans/" + planId + "/findings",
                "{\"number\":\"1\",\"description\":\"Hallazgo de prueba\"}");
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        Api.Response action = owner.post("/api/plans/" + planId + "/findings/"
                + finding.json().get("findingId").asText() + "/actions", "{\"number\":\"1.1\",\"name\":\"Acción\","
                + "\"tasks\":[{\"number\":1,\"description\":\"Tarea\"}],\"start\":\"2026-01-01\",\"end\":\"2026-12-31\"}");
        assertThat(action.status()).as(action.toString()).isEqualTo(201);
        return planId;
    }

    private static String openCycle(Api hr) {
        Api.Response cycle = hr.post("/api/cycles", """
                {"year":2026,
                 "stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},
                           {"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
                           {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
                 "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                          {"name":"Satisfactorio","minScore":65,"maxScore":90},
                          {"name":"Sobresaliente","minScore":90,"maxScore":100}],
                 "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                 "competencies":["Orientación a resultados"]}""");
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(201);
        return cycle.json().get("cycleId").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
