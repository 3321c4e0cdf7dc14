package org.mejora.evaluation;

import org.mejora.identity.VerifiedUser;
import org.mejora.testing.Api;
import org.mejora.testing.ServiceUnderTest;
import org.mejora.testing.TestIdentities;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/** The one Spring context of evaluation-service's ITs (declared once so that every IT class shares it). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EvaluationServiceContext {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceUnderTest.register(registry, "evaluation");
    }

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The service as the gateway presents this user: signed identity headers and a correlation id. */
    protected Api as(VerifiedUser user) {
        return Api.at(baseUrl()).with(TestIdentities.headers(user))
                .with(Map.of("X-Correlation-Id", "it-" + user.institutionId()));
    }

    /** HR's bulk assignment of servants to supervisors: the CSV body of {@code POST /api/cycles/{id}/assignments}. */
    protected Api.Response assign(VerifiedUser hr, String cycleId, String csv) {
        return as(hr).send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/cycles/" + cycleId + "/assignments"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }
}
