package org.mejora.evaluation.api;

/** Every event of an evaluation cycle's stream; the aggregate id is {@link #cycleId()}. */
public sealed interface CycleEvent permits CycleOpened, ServantAssigned, StageClosed, YearConsolidated {

    String cycleId();

    /**
     * Dispatches to the case of this event's type. Each record implements it, so a new event type does not compile
     * until {@link Cases} names it, and then every fold over the events fails to compile until it handles it.
     */
    <R> R accept(Cases<R> cases);

    /** One case per event: the exhaustive switch of Java 17. */
    interface Cases<R> {

        R on(CycleOpened event);

        R on(ServantAssigned event);

        R on(StageClosed event);

        R on(YearConsolidated event);
    }
}
