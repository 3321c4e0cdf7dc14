package org.mejora.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one OpenAPI document front ends need: the services' own documents joined, with the gateway as the server and
 * the bearer token as the security scheme. A service that is down leaves its part out and is named in the
 * description, so the document is always served.
 */
@RestController
class ApiDocsController {

    static final String PATH = "/v3/api-docs/mejora";

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient client = WebClient.create();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> documents = new LinkedHashMap<>();

    ApiDocsController(@Value("${mejora.services.plans}") String plans,
                      @Value("${mejora.services.evaluations}") String evaluations,
                      @Value("${mejora.services.reports}") String reports) {
        documents.put("plans", plans + "/v3/api-docs/plans");
        documents.put("evaluations", evaluations + "/v3/api-docs/evaluations");
        documents.put("reports", reports + "/v3/api-docs/reports");
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> merged() {
        return Flux.fromIterable(documents.entrySet())
                .flatMapSequential(document -> client.get().uri(document.getValue())
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(String.class)
                        .timeout(FETCH_TIMEOUT)
                        .map(body -> Map.entry(document.getKey(), Optional.of(json.readTree(body))))
                        .onErrorResume(unavailable -> Mono.just(Map.entry(document.getKey(), Optional.empty()))))
                .collectList()
                .map(parts -> json.writeValueAsString(merge(parts)));
    }

    private ObjectNode merge(List<Map.Entry<String, Optional<JsonNode>>> parts) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Mejora API");
        info.put("version", "1");
        merged.putArray("servers").addObject().put("url", "/");
        merged.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        components.putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Optional<JsonNode>> part : parts) {
            if (part.getValue().isEmpty()) {
                missing.add(part.getKey());
                continue;
            }
            JsonNode document = part.getValue().get();
            if (document.hasNonNull("openapi")) {
                merged.set("openapi", document.get("openapi"));
            }
            document.path("paths").properties().forEach(path -> paths.set(path.getKey(), path.getValue()));
            document.path("tags").forEach(tags::add);
            // Shared types (e.g. ProblemDetail) are the same in every service: the first one is kept.
            document.path("components").properties().forEach(kind -> {
                ObjectNode ofKind = components.has(kind.getKey())
                        ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
                kind.getValue().properties().forEach(entry -> {
                    if (!ofKind.has(entry.getKey())) {
                        ofKind.set(entry.getKey(), entry.getValue());
                    }
                });
            });
        }
        info.put("description", "Planes de mejoramiento y evaluación del desempeño / improvement plans and "
                + "performance evaluation. Every request needs a bearer token."
                + (missing.isEmpty() ? "" : " Not available now: " + String.join(", ", missing) + "."));
        return merged;
    }
}
