package org.mejora.observability;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingEnvironmentPostProcessorTest {

    private final TracingEnvironmentPostProcessor processor = new TracingEnvironmentPostProcessor();

    @Test
    void withoutAnEndpointThereIsNoExporterEndpointAtAll() {
        StandardEnvironment environment = environment(Map.of());
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.containsProperty(TracingEnvironmentPostProcessor.EXPORT_ENDPOINT)).isFalse();
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
    }

    @Test
    void aCollectorBaseUrlBecomesItsTracesUrl() {
        StandardEnvironment environment = environment(Map.of("MEJORA_OTLP_ENDPOINT", "http://collector:4318/"));
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingEnvironmentPostProcessor.EXPORT_ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void bootsOwnEndpointPropertyWins() {
        StandardEnvironment environment = environment(Map.of("MEJORA_OTLP_ENDPOINT", "http://collector:4318",
                TracingEnvironmentPostProcessor.EXPORT_ENDPOINT, "http://other:4318/v1/traces"));
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingEnvironmentPostProcessor.EXPORT_ENDPOINT))
                .isEqualTo("http://other:4318/v1/traces");
    }

    @Test
    void theApplicationsOwnSettingIsReadAsWellAsTheVariable() {
        StandardEnvironment environment = environment(Map.of("mejora.otlp.endpoint", "http://collector:4318/v1/traces",
                "management.tracing.sampling.probability", "0.1"));
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(TracingEnvironmentPostProcessor.EXPORT_ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
    }

    @Test
    void anEmptyEndpointExportsNothing() {
        StandardEnvironment environment = environment(Map.of("MEJORA_OTLP_ENDPOINT", " "));
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.containsProperty(TracingEnvironmentPostProcessor.EXPORT_ENDPOINT)).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> given) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", given));
        return environment;
    }
}
