package org.mejora.envelope.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.mejora.envelope.EnvelopeCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A producing service that sets {@code mejora.events.topic} keeps its Axon events in PostgreSQL (tables of
 * {@link AxonStore#MIGRATIONS}) and forwards them to that topic from the pooled streaming processor
 * {@value #PROCESSOR}, whose token lives in the same database.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnClass({EventProcessingConfigurer.class, KafkaTemplate.class})
@ConditionalOnProperty("mejora.events.topic")
public class AxonEventPublishingAutoConfiguration {

    public static final String PROCESSOR = "kafka-publisher";

    @Bean
    EventSchema eventSchema() {
        return AxonStore.eventSchema();
    }

    @Bean
    TokenSchema tokenSchema() {
        return AxonStore.tokenSchema();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return AxonStore.actorCorrelation();
    }

    @Bean
    KafkaEventForwarder kafkaEventForwarder(KafkaTemplate<String, byte[]> kafka,
                                            @Value("${mejora.events.topic}") String topic,
                                            @Value("${mejora.events.ack-timeout-seconds:30}") long ackTimeout) {
        return new KafkaEventForwarder(kafka, topic, new EnvelopeCodec(), ackTimeout);
    }

    @Autowired
    void assignForwarder(EventProcessingConfigurer processing) {
        processing.assignHandlerTypesMatching(PROCESSOR, KafkaEventForwarder.class::isAssignableFrom);
    }
}
