package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The control office verified an implemented action: compliance (cumplimiento) and effectiveness (efectividad), seed 001. */
@Revision("1")
public record ActionVerified(
        String planId,
        String actionId,
        boolean compliant,
        boolean effective,
        String observations,
        Signature verifier,
        List<EvidenceFile> files) implements PlanEvent {

    public ActionVerified {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A verification without files (and every one written before files could be attached). */
    public ActionVerified(String planId, String actionId, boolean compliant, boolean effective, String observations,
                          Signature verifier) {
        this(planId, actionId, compliant, effective, observations, verifier, List.of());
    }

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
