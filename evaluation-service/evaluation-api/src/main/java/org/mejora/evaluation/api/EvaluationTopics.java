package org.mejora.evaluation.api;

/** Where evaluation-service publishes; plan-service and reporting-service consume it. */
public final class EvaluationTopics {

    public static final String EVENTS = "mejora.evaluation.events";

    private EvaluationTopics() {
    }
}
