package org.mejora.plan.plan.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.mejora.plan.api.EvidenceFile;
import org.mejora.plan.api.Signature;

import java.util.List;

/** Null {@code expectedVersion} skips the optimistic check (no If-Match). */
public record VerifyActionCommand(
        @TargetAggregateIdentifier String planId,
        @TargetAggregateVersion Long expectedVersion,
        String actionId,
        Boolean compliant,
        Boolean effective,
        String observations,
        Signature verifier,
        List<EvidenceFile> files) {

    public VerifyActionCommand(String planId, Long expectedVersion, String actionId, Boolean compliant,
                               Boolean effective, String observations, Signature verifier) {
        this(planId, expectedVersion, actionId, compliant, effective, observations, verifier, List.of());
    }
}
