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
        // Its own consumer group, so a test never shares partitions with a running system or another test JVM.
        // Two suites run side by side with two database sets (MEJORA_TEST_DB_SET) and one group each.
        String set = System.getenv("MEJORA_TEST_DB_SET");
        registry.add("spring.kafka.consumer.group-id",
                () -> service + "-test" + (set == null || set.isBlank() ? "" : "-" + set));
        registry.add("mejora.gateway.secret", () -> TestIdentities.GATEWAY_SECRET);
    }
}
