package org.mejora.envelope.axon;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.mejora.envelope.EventMetadata;

/**
 * How a producing service keeps its Axon events in PostgreSQL: the snake_case tables that the Flyway migration
 * {@code classpath:db/axon/V1__axon_event_store.sql} creates, and the metadata each command passes to its events.
 */
public final class AxonStore {

    /** Add to {@code spring.flyway.locations}; the service's own migrations start at V2. */
    public static final String MIGRATIONS = "classpath:db/axon";

    private AxonStore() {
    }

    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number").typeColumn("type")
                .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
                .payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    public static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment").setTokenColumn("token").setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp").setOwnerColumn("owner")
                .build();
    }

    /** Copies who acted, for which institution and in which request from each command onto its events. */
    public static CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(EventMetadata.PROPAGATED.toArray(String[]::new));
    }
}
