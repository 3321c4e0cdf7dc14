package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

/** A follow-up report (informe de seguimiento, seed 000) was drafted or its draft changed. */
@Revision("1")
public record FollowUpReportDrafted(
        String planId,
        String reportId,
        String period,
        String antecedents,
        String legalBase,
        String objective,
        String conclusions,
        String recommendations,
        String preparedBy) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
