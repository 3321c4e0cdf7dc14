package org.mejora.observability;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tracing settings every Mejora application shares, as defaults below its own configuration (so an
 * {@code application.yml}, a system property or Boot's own environment variables still win):
 * <ul>
 *   <li>{@code MEJORA_OTLP_ENDPOINT} (or {@code mejora.otlp.endpoint}), an OTLP/HTTP collector such as
 *       {@code http://otel-collector:4318}: spans go to its {@code /v1/traces}. Without it, and without Boot's
 *       {@code management.opentelemetry.tracing.export.otlp.endpoint}, no exporter exists and nothing leaves the
 *       process. (The property is never set to an empty value: Boot creates the exporter for any value.)</li>
 *   <li>the sampling probability, 1.0 unless an application sets {@code management.tracing.sampling.probability}
 *       (theirs read {@code MEJORA_TRACE_SAMPLING}; production files use 0.1). A trace begun upstream keeps the
 *       upstream decision.</li>
 *   <li>Kafka's template and listener containers observed: W3C {@code traceparent} on the records sent, and the
 *       trace continued by {@code @KafkaListener}s.</li>
 *   <li>Reactor's context propagation, so the gateway's log lines carry the trace id too.</li>
 * </ul>
 */
public class TracingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE = "mejoraTracingDefaults";
    public static final String EXPORT_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    public static final String DEPRECATED_EXPORT_ENDPOINT = "management.otlp.tracing.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.reactor.context-propagation", "auto");
        String endpoint = environment.getProperty("mejora.otlp.endpoint",
                environment.getProperty("MEJORA_OTLP_ENDPOINT", ""));
        if (StringUtils.hasText(endpoint) && !environment.containsProperty(EXPORT_ENDPOINT)
                && !environment.containsProperty(DEPRECATED_EXPORT_ENDPOINT)) {
            defaults.put(EXPORT_ENDPOINT, tracesUrl(endpoint.trim()));
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    /** The collector's base URL (as OTEL_EXPORTER_OTLP_ENDPOINT is given) or already its traces URL. */
    static String tracesUrl(String endpoint) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base.endsWith("/v1/traces") ? base : base + "/v1/traces";
    }

    /** After the application's own configuration files are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
