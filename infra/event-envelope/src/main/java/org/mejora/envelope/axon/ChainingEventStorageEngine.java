package org.mejora.envelope.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.mejora.envelope.chain.ChainedEvent;
import org.mejora.envelope.chain.EventChain;
import org.mejora.envelope.chain.StoredEvents;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Axon's JDBC storage engine, plus one {@code event_chain} link per appended domain event, written on the same
 * connection and in the same transaction as the events (the engine's own transaction manager, which joins the
 * command's Spring transaction): an event is never stored without its hash, nor a hash without its event.
 * <p>
 * The hash covers the bytes the engine stores (the payload and metadata serialized by the event serializer), so the
 * verifier recomputes it from {@code domain_event_entry} alone.
 */
public class ChainingEventStorageEngine extends DelegatingEventStorageEngine {

    private final Serializer eventSerializer;
    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final EventChain chain = new EventChain();

    public ChainingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer,
                                      ConnectionProvider connections, TransactionManager transactions) {
        super(delegate);
        this.eventSerializer = eventSerializer;
        this.connections = connections;
        this.transactions = transactions;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        transactions.executeInTransaction(() -> {
            delegate.appendEvents(events);
            List<ChainedEvent> chained = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domain) {
                    chained.add(chained(domain));
                }
            }
            if (chained.isEmpty()) {
                return;
            }
            try (Connection connection = connections.getConnection()) {
                chain.append(connection, chained);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot chain the events of "
                        + chained.get(0).aggregateId(), e);
            }
        });
    }

    private ChainedEvent chained(DomainEventMessage<?> event) {
        return StoredEvents.of(event.getIdentifier(),
                eventSerializer.typeForClass(event.getPayloadType()).getName(), event.getType(),
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp().toEpochMilli(),
                event.serializeMetaData(eventSerializer, byte[].class).getData(),
                event.serializePayload(eventSerializer, byte[].class).getData());
    }
}
