package org.mejora.evaluation.api.state;

import org.mejora.evaluation.api.CycleEvent;
import org.mejora.evaluation.api.CycleOpened;
import org.mejora.evaluation.api.ServantAssigned;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageClosed;
import org.mejora.evaluation.api.YearConsolidated;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What each cycle event does to the state an auditor sees: the one definition, as {@link EvaluationFold}. */
public final class CycleFold {

    private CycleFold() {
    }

    /** @param before null before the cycle's first event */
    public static CycleState apply(CycleState before, CycleEvent event) {
        return event.accept(new Step(before));
    }

    public static CycleState replay(List<? extends CycleEvent> events) {
        CycleState state = null;
        for (CycleEvent event : events) {
            state = apply(state, event);
        }
        return state;
    }

    private record Step(CycleState s) implements CycleEvent.Cases<CycleState> {

        @Override
        public CycleState on(CycleOpened e) {
            return new CycleState(e.cycleId(), e.institutionId(), e.year(), CycleStatus.OPEN, Set.of(), 0);
        }

        @Override
        public CycleState on(ServantAssigned e) {
            return new CycleState(s.cycleId(), s.institutionId(), s.year(), s.status(), s.closedStages(),
                    s.assignments() + 1);
        }

        @Override
        public CycleState on(StageClosed e) {
            Set<Stage> closed = s.closedStages().isEmpty() ? EnumSet.noneOf(Stage.class)
                    : EnumSet.copyOf(s.closedStages());
            closed.add(e.stage());
            return new CycleState(s.cycleId(), s.institutionId(), s.year(), s.status(), closed, s.assignments());
        }

        @Override
        public CycleState on(YearConsolidated e) {
            return new CycleState(s.cycleId(), s.institutionId(), s.year(), CycleStatus.CONSOLIDATED,
                    s.closedStages(), s.assignments());
        }
    }
}
