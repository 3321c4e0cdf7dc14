package org.mejora.envelope.axon;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mejora.envelope.EventMetadata;

/**
 * Forwards each stored event inside a span of the trace its command belonged to (read from the event's metadata,
 * {@link TraceCorrelation}): the Kafka template's send, observed, is then a child of it and puts that trace's
 * {@code traceparent} in the record's headers. An event stored without a trace context is forwarded as before, and
 * its send starts a trace of its own.
 */
public class ForwardTracing implements MessageHandlerInterceptor<EventMessage<?>> {

    public static final String OBSERVATION = "mejora.events.forward";

    private final ObservationRegistry observations;

    public ForwardTracing(ObservationRegistry observations) {
        this.observations = observations;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        if (!(event.getMetaData().get(EventMetadata.TRACE_PARENT) instanceof String)) {
            return interceptorChain.proceed();
        }
        ReceiverContext<EventMessage<?>> context = new ReceiverContext<>((carrier, key) -> {
            Object value = carrier.getMetaData().get(key);
            return value == null ? null : value.toString();
        });
        context.setCarrier(event);
        context.setRemoteServiceName("event-store");
        String type = event.getPayloadType().getSimpleName();
        return Observation.createNotStarted(OBSERVATION, () -> context, observations)
                .contextualName("forward " + type)
                .lowCardinalityKeyValue("mejora.event.type", type)
                .highCardinalityKeyValue("mejora.event.id", event.getIdentifier())
                .observeChecked(interceptorChain::proceed);
    }
}
