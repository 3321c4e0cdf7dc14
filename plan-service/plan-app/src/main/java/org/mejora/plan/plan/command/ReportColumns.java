package org.mejora.plan.plan.command;

import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.state.ActionStatus;

/** How an action appears in the actions table of a follow-up report (seed 000), for drafts and signed reports alike. */
public final class ReportColumns {

    private ReportColumns() {
    }

    /** "Factor de evaluación del desempeño": the evaluation factor, else the CAF subcriterion or criterion. */
    public static String factor(FindingSource source) {
        if (source == null) {
            return null;
        }
        return source.factor() != null ? source.factor()
                : source.subcriterion() != null ? source.subcriterion() : source.criterion();
    }

    /** "Descripción de la acción de mejoramiento": the description, else the objective. */
    public static String description(String description, String objective) {
        return description != null ? description : objective;
    }

    /**
     * "Estado de la acción" as the action stood: its status itself, so that the report says closed, planned or in
     * progress rather than folding them into implemented or not (readers put it in words).
     */
    public static String status(ActionStatus status) {
        return status.name();
    }
}
