package org.mejora.reporting.ingest;

import org.axonframework.serialization.Revision;
import org.mejora.evaluation.api.CycleEvent;
import org.mejora.evaluation.api.EvaluationEvent;
import org.mejora.plan.api.PlanEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The event types this service understands and the newest schema version of each: the records of the producers'
 * published-language modules and their {@code @Revision}.
 */
public final class EventCatalog {

    private final Map<String, Integer> newestVersion = new HashMap<>();
    private final Map<String, Class<?>> recordTypes = new HashMap<>();

    public EventCatalog() {
        register(PlanEvent.class.getPermittedSubclasses());
        register(EvaluationEvent.class.getPermittedSubclasses());
        register(CycleEvent.class.getPermittedSubclasses());
    }

    /** Null when the type is known at this version; otherwise the kind of problem it is. */
    String problem(String eventType, int schemaVersion) {
        Integer newest = newestVersion.get(eventType);
        if (newest == null) {
            return "unknown_event";
        }
        return schemaVersion > newest ? "newer_schema" : null;
    }

    /** The published record of an event type this service understands. */
    public Optional<Class<?>> record(String eventType) {
        return Optional.ofNullable(recordTypes.get(eventType));
    }

    private void register(Class<?>[] records) {
        for (Class<?> type : records) {
            newestVersion.put(type.getSimpleName(), revision(type));
            recordTypes.put(type.getSimpleName(), type);
        }
    }

    private static int revision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? 1 : Integer.parseInt(revision.value());
    }
}
