package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** HR closed a stage after consolidating it: steps of that stage are rejected from now on. */
@Revision("1")
public record StageClosed(String cycleId, Stage stage, String reason) implements CycleEvent {

    @Override
    public <R> R accept(CycleEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
