package org.mejora.reporting.notification;

import org.mejora.reporting.ReportingServiceApplication;
import org.mejora.testing.ServiceUnderTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * reporting-service started and stopped by the test itself, on the test databases and broker, so that a test can
 * restart it as an operator would (same database, same consumer group) and see what it does after.
 */
final class ReportingInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ReportingInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ReportingInstance start(Map<String, String> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        DynamicPropertyRegistry registry = new DynamicPropertyRegistry() {
            @Override
            public void add(String name, java.util.function.Supplier<Object> valueSupplier) {
                properties.put(name, valueSupplier.get());
            }
        };
        ServiceUnderTest.register(registry, "reporting");
        properties.put("server.port", "0");
        properties.put("mejora.notifications.send-interval", "PT0.5S");
        properties.put("mejora.notifications.retry-first", "PT1S");
        properties.put("mejora.notifications.retry-max", "PT2S");
        properties.put("mejora.notifications.public-url", "https://mejora.example.org");
        properties.put("mejora.notifications.enabled", "true");
        // The digest goes out when the test asks (POST /api/reports/admin/notification-runs), never on its own.
        properties.put("mejora.notifications.digest-hour", "24");
        // The one Clock of the service can be moved through /actuator/clock (web-contract's adjustable clock).
        properties.put("mejora.clock.adjustable", "true");
        properties.putAll(overrides);
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new ReportingInstance(new SpringApplicationBuilder(ReportingServiceApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
