package org.mejora.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot service under test at this run's real servers, in its {@code <service>_test} database. */
public final class ServiceUnderTest {

    private ServiceUnderTest() {
    }

    /** Call from a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry, String service) {
        TestInfrastructure infra = TestInfrastructure.get();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl(service, "test"));
        registry.add("spring.datasource.username", () -> infra.dbUser(service));
        registry.add("spring.datasource.password", () -> infra.dbPassword(service));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrap);
        registry.add("spring.mail.host", infra::smtpHost);
        registry.add("spring.mail.port", infra::smtpPort);
        // Its own consumer group, so a test never shares partitions with a running system or another test JVM.
        // Two suites run side by side with two database sets (MEJORA_TEST_DB_SET) and one group each.
        String set = System.getenv("MEJORA_TEST_DB_SET");
        registry.add("spring.kafka.consumer.group-id",
                () -> service + "-test" + (set == null || set.isBlank() ? "" : "-" + set));
        // Trusts the tokens of TestTokens, as a service in a real run trusts the identity provider's.
        registry.add("mejora.jwt.public-key", () -> "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        registry.add("mejora.jwt.issuer-uri", () -> "");
        registry.add("mejora.jwt.issuer", () -> TestTokens.ISSUER);
        // The test databases' passwords are the published ones of the local run.
        registry.add("mejora.local-run", () -> "true");
        // The producers sign checkpoints of their hash chain with a key made for this JVM, every second.
        registry.add("mejora.history.signing-key", TestHistoryKey::location);
        registry.add("mejora.history.checkpoint-interval", () -> "PT1S");
        // The tests move the service's clock (/actuator/clock) and run the deadline sweep on demand: a daily run
        // in the middle of a suite would add facts to other tests' plans.
        registry.add("mejora.clock.adjustable", () -> "true");
        registry.add("mejora.deadlines.schedule", () -> "false");
        // Reporting's reminders are decided and mailed by the one instance a notification test starts with its own
        // clock and settings (ReportingInstance); the other contexts on the same database stay out of it.
        registry.add("mejora.notifications.enabled", () -> "false");
    }
}
