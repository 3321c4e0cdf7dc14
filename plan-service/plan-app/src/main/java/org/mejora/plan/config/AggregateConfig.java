package org.mejora.plan.config;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.mejora.plan.plan.command.PlanRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Plan aggregate's repository (named in its {@code @Aggregate}): a snapshot every
 * {@code mejora.aggregates.snapshot-every} events and the last {@code mejora.aggregates.cache-size} plans in memory.
 */
@Configuration
class AggregateConfig {

    @Bean
    EventSourcingRepository<?> planRepository(EventStore eventStore, Snapshotter snapshotter,
                                              ParameterResolverFactory parameters, HandlerDefinition handlers,
                                              @Value("${mejora.aggregates.snapshot-every:100}") int snapshotEvery,
                                              @Value("${mejora.aggregates.cache-size:2000}") long cacheSize) {
        return PlanRepository.create(eventStore, snapshotter, snapshotEvery, cacheSize, parameters, handlers);
    }
}
