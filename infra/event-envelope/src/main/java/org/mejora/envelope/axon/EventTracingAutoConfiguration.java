package org.mejora.envelope.axon;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A producing service with Micrometer Tracing keeps each command's trace context in its events' metadata and
 * continues that trace when {@value AxonEventPublishingAutoConfiguration#PROCESSOR} forwards them to Kafka.
 */
@AutoConfiguration(after = AxonEventPublishingAutoConfiguration.class)
@ConditionalOnClass({Tracer.class, ObservationRegistry.class, EventProcessingConfigurer.class, KafkaTemplate.class})
@ConditionalOnProperty("mejora.events.topic")
public class EventTracingAutoConfiguration {

    @Bean
    CorrelationDataProvider traceCorrelation(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        return new TraceCorrelation(tracers, propagators);
    }

    @Autowired
    void traceForwarding(EventProcessingConfigurer processing, ObjectProvider<ObservationRegistry> observations) {
        processing.registerHandlerInterceptor(AxonEventPublishingAutoConfiguration.PROCESSOR,
                configuration -> new ForwardTracing(observations.getIfAvailable(() -> ObservationRegistry.NOOP)));
    }
}
