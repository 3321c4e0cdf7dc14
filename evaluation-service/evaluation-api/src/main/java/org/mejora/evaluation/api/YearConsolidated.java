package org.mejora.evaluation.api;

import org.axonframework.serialization.Revision;

/** HR consolidated the results of the year (P-TH-10 step 16). */
@Revision("1")
public record YearConsolidated(String cycleId, int year) implements CycleEvent {

    @Override
    public <R> R accept(CycleEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
