package org.mejora.evaluation.api;

/** Every event of an evaluation cycle's stream; the aggregate id is {@link #cycleId()}. */
public sealed interface CycleEvent permits CycleOpened, ServantAssigned, StageClosed, YearConsolidated {

    String cycleId();
}
