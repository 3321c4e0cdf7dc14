package org.mejora.evaluation.config;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.mejora.evaluation.cycle.command.EvaluationCycleRepository;
import org.mejora.evaluation.evaluation.command.EvaluationRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates' repositories (named in their {@code @Aggregate}): a snapshot every
 * {@code mejora.aggregates.snapshot-every} events and the last {@code mejora.aggregates.cache-size} of each in memory.
 */
@Configuration
class AggregateConfig {

    @Bean
    EventSourcingRepository<?> evaluationRepository(EventStore eventStore, Snapshotter snapshotter,
                                                    ParameterResolverFactory parameters, HandlerDefinition handlers,
                                                    @Value("${mejora.aggregates.snapshot-every:100}") int every,
                                                    @Value("${mejora.aggregates.cache-size:2000}") long size) {
        return EvaluationRepository.create(eventStore, snapshotter, every, size, parameters, handlers);
    }

    @Bean
    EventSourcingRepository<?> evaluationCycleRepository(EventStore eventStore, Snapshotter snapshotter,
                                                         ParameterResolverFactory parameters,
                                                         HandlerDefinition handlers,
                                                         @Value("${mejora.aggregates.snapshot-every:100}") int every,
                                                         @Value("${mejora.aggregates.cache-size:2000}") long size) {
        return EvaluationCycleRepository.create(eventStore, snapshotter, every, size, parameters, handlers);
    }
}
