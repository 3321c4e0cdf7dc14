package org.mejora.plan.api;

/** Where plan-service publishes. Topics keep events forever: they are the history every projection rebuilds from. */
public final class PlanTopics {

    public static final String EVENTS = "mejora.plan.events";
    /** Signed checkpoints of the events' hash chain (README, "Tamper-evident history"); kept forever too. */
    public static final String CHECKPOINTS = "mejora.plan.checkpoints";

    private PlanTopics() {
    }
}
