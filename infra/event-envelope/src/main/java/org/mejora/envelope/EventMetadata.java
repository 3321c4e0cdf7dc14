package org.mejora.envelope;

import java.util.List;
import java.util.Map;

/**
 * Keys of the metadata that every command carries and that Axon copies onto the events it causes (see
 * {@code SimpleCorrelationDataProvider}); the forwarder reads them into the envelope.
 */
public final class EventMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_NAME = "actorName";
    public static final String INSTITUTION_ID = "institutionId";
    /** The gateway's correlation id of the HTTP request. */
    public static final String REQUEST_ID = "requestId";
    /** Set by Axon's MessageOriginProvider to the id of the message that caused this one. */
    public static final String AXON_CAUSATION = "correlationId";
    /** Set by Axon's MessageOriginProvider to the id of the first message of the chain. */
    public static final String AXON_TRACE = "traceId";

    /**
     * The W3C trace context (https://www.w3.org/TR/trace-context/) of the request or record that caused the event:
     * stored with it, so that its forwarding to Kafka, later and on another thread, continues the same trace. Events
     * stored before it existed have none.
     */
    public static final String TRACE_PARENT = "traceparent";
    public static final String TRACE_STATE = "tracestate";

    /** The keys a command's metadata passes on to its events. */
    public static final List<String> PROPAGATED = List.of(ACTOR_ID, ACTOR_ROLE, ACTOR_NAME, INSTITUTION_ID, REQUEST_ID);

    private EventMetadata() {
    }

    public static Map<String, Object> of(Actor actor, String institutionId, String requestId) {
        return Map.of(ACTOR_ID, actor.userId(), ACTOR_ROLE, actor.role(), ACTOR_NAME, actor.name(),
                INSTITUTION_ID, institutionId, REQUEST_ID, requestId);
    }
}
