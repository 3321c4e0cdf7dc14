package org.mejora.reporting.ingest;

import org.mejora.evaluation.api.EvaluationEvent;
import org.mejora.plan.api.PlanEvent;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event types this service understands and the newest schema version of each: the records of the producers'
 * published-language modules (their {@code @Revision}), plus the types whose meaning the fold of
 * {@link org.mejora.reporting.state.EntityFold} names at version 1.
 */
final class EventCatalog {

    private static final Set<String> FOLDED = Set.of(
            "PlanSubmittedForReview", "PlanReviewRejected", "PlanApproved", "PlanExecutionStarted", "PlanClosed",
            "FindingRecorded", "FindingClosed",
            "ActionPlanned", "ActionProgressRecorded", "ActionRescheduled", "ActionResponsibleChanged",
            "ActionVerified", "ActionImplemented", "ActionClosed", "ActionReopened", "ActionMarkedNotImplemented",
            "ActionCancelled",
            "EvaluationOpened", "GoalsSubmitted", "GoalsApproved", "GoalsRejected", "GoalsModified", "GoalsAccepted",
            "FirstSelfEvaluationSubmitted", "FirstSelfEvaluationAccepted", "SecondSelfEvaluationSubmitted",
            "SecondSelfEvaluationAccepted", "CompetenciesRated", "StageConsolidated", "EvaluationConsolidated");

    private final Map<String, Integer> newestVersion = new HashMap<>();

    EventCatalog() {
        FOLDED.forEach(type -> newestVersion.put(type, 1));
        register(PlanEvent.class.getPermittedSubclasses());
        register(EvaluationEvent.class.getPermittedSubclasses());
    }

    /** Null when the type is known at this version; otherwise the kind of problem it is. */
    String problem(String eventType, int schemaVersion) {
        Integer newest = newestVersion.get(eventType);
        if (newest == null) {
            return "unknown_event";
        }
        return schemaVersion > newest ? "newer_schema" : null;
    }

    private void register(Class<?>[] records) {
        for (Class<?> type : records) {
            newestVersion.put(type.getSimpleName(), revision(type));
        }
    }

    /** Axon's {@code @Revision}, read by name: the API modules bring Axon only as "provided"; without it, 1. */
    private static int revision(Class<?> type) {
        for (Annotation annotation : type.getAnnotations()) {
            if (annotation.annotationType().getName().equals("org.axonframework.serialization.Revision")) {
                try {
                    return Integer.parseInt((String) annotation.annotationType().getMethod("value").invoke(annotation));
                } catch (ReflectiveOperationException | NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
