package org.mejora.plan.api;

import org.axonframework.serialization.Revision;
import java.util.List;

/** The follow-up report was signed and submitted, with its actions table as the actions stood then. */
@Revision("1")
public record FollowUpReportSubmitted(
        String planId,
        String reportId,
        Signature responsible,
        List<FollowUpReportLine> actions) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
