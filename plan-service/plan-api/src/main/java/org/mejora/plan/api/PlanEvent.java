package org.mejora.plan.api;

/** Every event of a plan's stream; the aggregate id is {@link #planId()}. */
public sealed interface PlanEvent permits PlanCreated {

    String planId();
}
