package org.mejora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which operations the running services offer, read from their OpenAPI documents: the services are built at the
 * same time as this benchmark, and a step whose endpoint is absent is reported as not measured, never failed.
 */
final class Endpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> operations = new HashSet<>();
    private final boolean known;

    private Endpoints(boolean known) {
        this.known = known;
    }

    static Endpoints discover(Targets targets, Config config) {
        Map<String, String> documents = Map.of(config.planUrl(), "/v3/api-docs/plans",
                config.evaluationUrl(), "/v3/api-docs/evaluations", config.reportingUrl(), "/v3/api-docs/reports");
        Endpoints endpoints = new Endpoints(true);
        for (Map.Entry<String, String> document : documents.entrySet()) {
            try {
                HttpResponse<String> response = targets.get(document.getKey() + document.getValue());
                if (response.statusCode() != 200) {
                    return new Endpoints(false);
                }
                JsonNode paths = JSON.readTree(response.body()).path("paths");
                for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> path = it.next();
                    path.getValue().fieldNames().forEachRemaining(method ->
                            endpoints.operations.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey())));
                }
            } catch (Exception e) {
                return new Endpoints(false);
            }
        }
        return endpoints;
    }

    /** True when the operation is documented, or when no documentation could be read (then a 404 tells). */
    boolean has(String method, String pathTemplate) {
        return !known || operations.contains(method + " " + normalise(pathTemplate));
    }

    /** The first of {@code templates} that is offered, or null. */
    String first(String method, List<String> templates) {
        return templates.stream().filter(template -> has(method, template)).findFirst().orElse(null);
    }

    // Path variables compare by position, not by name: {id} and {planId} are the same operation.
    static String normalise(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }
}
