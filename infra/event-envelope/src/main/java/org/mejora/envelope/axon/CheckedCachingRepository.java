package org.mejora.envelope.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.util.Objects;
import java.util.Optional;

/**
 * An event-sourced repository that keeps aggregates in a cache and snapshots them every so many events, and stays
 * correct when several instances of the service write the same aggregate.
 * <p>
 * A cached aggregate is used only while its version is the last sequence number in the event store (one indexed
 * query): an entry that another instance made stale is dropped and the aggregate loaded from its latest snapshot and
 * the events after it. An append that races with another instance's fails on the store's unique (aggregate,
 * sequence), the unit of work rolls back and Axon evicts the entry; {@link CommandSender} then runs the command once
 * more, on the fresh state. Without this check a stale entry would not only let a command through on old state (the
 * append catches that) but also reject one wrongly, e.g. on an action the other instance had just added.
 */
public class CheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    private CheckedCachingRepository(Builder<T> builder) {
        super(builder);
        this.eventStore = builder.store();
        this.cache = builder.cache();
    }

    /**
     * @param snapshotEvery events between snapshots: a load replays at most this many after the latest snapshot
     * @param cacheSize     aggregates kept in memory
     */
    public static <T> CheckedCachingRepository<T> of(Class<T> aggregateType, EventStore eventStore,
                                                     Snapshotter snapshotter, int snapshotEvery, long cacheSize,
                                                     ParameterResolverFactory parameters, HandlerDefinition handlers) {
        Builder<T> builder = new Builder<>(aggregateType);
        builder.eventStore(eventStore)
                .cache(new CaffeineAggregateCache(cacheSize))
                .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, snapshotEvery))
                .parameterResolverFactory(parameters)
                .handlerDefinition(handlers);
        return builder.build();
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        Optional<Long> last = eventStore.lastSequenceNumberFor(aggregateIdentifier);
        if (last.isEmpty() || Objects.equals(aggregate.version(), last.get())) {
            return aggregate;
        }
        cache.remove(aggregateIdentifier);
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    private static final class Builder<T> extends EventSourcingRepository.Builder<T> {

        private Builder(Class<T> aggregateType) {
            super(aggregateType);
        }

        EventStore store() {
            return eventStore;
        }

        Cache cache() {
            return cache;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R extends EventSourcingRepository<T>> R build() {
            validate();
            return (R) new CheckedCachingRepository<>(this);
        }
    }
}
