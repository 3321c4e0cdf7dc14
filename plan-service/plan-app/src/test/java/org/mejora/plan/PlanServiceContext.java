package org.mejora.plan;

import org.mejora.identity.VerifiedUser;
import org.mejora.testing.Api;
import org.mejora.testing.ServiceUnderTest;
import org.mejora.testing.TestIdentities;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

/** The one Spring context of plan-service's ITs (declared once so that every IT class shares it). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlanServiceContext {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceUnderTest.register(registry, "plan");
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
}
