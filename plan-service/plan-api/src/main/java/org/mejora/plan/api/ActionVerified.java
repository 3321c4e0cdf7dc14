package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** The control office verified an implemented action: compliance (cumplimiento) and effectiveness (efectividad), seed 001. */
@Revision("1")
public record ActionVerified(
        String planId,
        String actionId,
        boolean compliant,
        boolean effective,
        String observations,
        Signature verifier) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
