package org.mejora.evaluation.api.state;

/** A cycle is open until HR consolidates its year (P-TH-10 step 16). */
public enum CycleStatus {
    OPEN, CONSOLIDATED
}
