package org.mejora.reporting.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the producers hold now: plan-service's and evaluation-service's facts endpoints, called with the caller's
 * own credentials, so that each producer applies its own access rules.
 */
@Component
class ProducerFacts {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final String planUrl;
    private final String evaluationUrl;

    ProducerFacts(@Value("${mejora.reporting.plan-url}") String planUrl,
                  @Value("${mejora.reporting.evaluation-url}") String evaluationUrl) {
        this.planUrl = planUrl;
        this.evaluationUrl = evaluationUrl;
    }

    /** @param credentials the caller's headers that prove who they are, relayed as they came */
    List<ObjectNode> of(String institutionId, Map<String, String> credentials) {
        List<ObjectNode> facts = new ArrayList<>();
        facts.addAll(fetch(planUrl + "/api/plans/facts", institutionId, credentials));
        facts.addAll(fetch(evaluationUrl + "/api/cycles/facts", institutionId, credentials));
        return facts;
    }

    private List<ObjectNode> fetch(String url, String institutionId, Map<String, String> credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "?institutionId="
                        + URLEncoder.encode(institutionId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
        credentials.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 403 || response.statusCode() == 401) {
                throw ReportProblem.forbidden();
            }
            if (response.statusCode() != 200) {
                throw new ReportProblem(HttpStatus.BAD_GATEWAY, "reconciliation-producer-failed", url,
                        response.statusCode());
            }
            List<ObjectNode> facts = new ArrayList<>();
            for (JsonNode node : codec.mapper().readTree(response.body())) {
                facts.add((ObjectNode) node);
            }
            return facts;
        } catch (IOException e) {
            throw new ReportProblem(HttpStatus.BAD_GATEWAY, "reconciliation-producer-failed", url, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportProblem(HttpStatus.BAD_GATEWAY, "reconciliation-producer-failed", url, "interrupted");
        }
    }
}
