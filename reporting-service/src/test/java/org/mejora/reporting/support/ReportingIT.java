package org.mejora.reporting.support;

import org.mejora.identity.Role;
import org.mejora.testing.Api;
import org.mejora.testing.ServiceUnderTest;
import org.mejora.testing.TestIdentities;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of this module's ITs: reporting-service on the real broker and database, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-details=always")
public abstract class ReportingIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceUnderTest.register(registry, "reporting");
    }

    @LocalServerPort
    protected int port;

    protected final String institution = TestIdentities.newInstitution();

    protected Api as(String userId, String institutionId, Role... roles) {
        return Api.at("http://localhost:" + port)
                .with(TestIdentities.headers(TestIdentities.user(userId, institutionId, roles)));
    }

    protected Api auditor() {
        return as("auditor", institution, Role.AUDITOR);
    }

    /** Waits until the path answers 200 and returns that answer. */
    protected Api.Response awaitOk(Api api, String path) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api.get(path).status()).as(path).isEqualTo(200));
        return api.get(path);
    }
}
