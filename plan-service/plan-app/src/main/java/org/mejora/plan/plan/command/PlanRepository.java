package org.mejora.plan.plan.command;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.mejora.envelope.axon.CheckedCachingRepository;

/**
 * The Plan aggregate's repository: cached and snapshotted, so that a command on a plan with years of follow-ups costs
 * what it costs on a new one (issue 14), and checked against the event store so that two instances stay correct.
 * Here because the aggregate is package-private; config.AggregateConfig makes it the bean {@code planRepository}.
 */
public final class PlanRepository {

    private PlanRepository() {
    }

    public static EventSourcingRepository<?> create(EventStore eventStore, Snapshotter snapshotter, int snapshotEvery,
                                                    long cacheSize, ParameterResolverFactory parameters,
                                                    HandlerDefinition handlers) {
        return CheckedCachingRepository.of(Plan.class, eventStore, snapshotter, snapshotEvery, cacheSize, parameters,
                handlers);
    }
}
