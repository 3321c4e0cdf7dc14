package org.mejora.evaluation.api.state;

import org.mejora.evaluation.api.Stage;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** An evaluation cycle as an auditor sees it: the result of {@link CycleFold}. */
public record CycleState(String cycleId, String institutionId, int year, CycleStatus status, Set<Stage> closedStages,
                         int assignments) {

    public CycleState {
        closedStages = Collections.unmodifiableSet(closedStages.isEmpty() ? EnumSet.noneOf(Stage.class)
                : EnumSet.copyOf(closedStages));
    }
}
