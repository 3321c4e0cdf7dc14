package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** HR assigned a servant to the supervisor who evaluates them (jefe inmediato); their evaluation opens with it. */
@Revision("1")
public record ServantAssigned(
        String cycleId,
        String evaluationId,
        String servantId,
        String servantName,
        String supervisorId,
        String supervisorName) implements CycleEvent {

    @Override
    public <R> R accept(CycleEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
