package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** The approver signed the plan ("Aprueba"). */
@Revision("1")
public record PlanApproved(
        String planId,
        Signature approver) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
