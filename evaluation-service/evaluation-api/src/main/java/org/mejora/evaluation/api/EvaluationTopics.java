package org.mejora.evaluation.api;

/** Where evaluation-service publishes; plan-service and reporting-service consume it. */
public final class EvaluationTopics {

    public static final String EVENTS = "mejora.evaluation.events";
    /** Signed checkpoints of the events' hash chain (README, "Tamper-evident history"); kept forever too. */
    public static final String CHECKPOINTS = "mejora.evaluation.checkpoints";

    private EvaluationTopics() {
    }
}
