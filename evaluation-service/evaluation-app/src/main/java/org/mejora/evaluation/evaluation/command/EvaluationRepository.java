package org.mejora.evaluation.evaluation.command;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.mejora.envelope.axon.CheckedCachingRepository;

/**
 * The Evaluation aggregate's repository: cached, snapshotted and checked against the event store (CheckedCachingRepository),
 * so that a command on an evaluation with a long history replays none of it, also with several instances of the service.
 * Here because the aggregate is package-private; config.AggregateConfig makes it a bean.
 */
public final class EvaluationRepository {

    private EvaluationRepository() {
    }

    public static EventSourcingRepository<?> create(EventStore eventStore, Snapshotter snapshotter, int snapshotEvery,
                                                    long cacheSize, ParameterResolverFactory parameters,
                                                    HandlerDefinition handlers) {
        return CheckedCachingRepository.of(Evaluation.class, eventStore, snapshotter, snapshotEvery, cacheSize, parameters,
                handlers);
    }
}
