package org.mejora.plan.deadline;

import org.mejora.plan.api.state.ActionState;
import org.mejora.plan.api.state.PlanState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code plan_action_deadline}: the actions that may still get a deadline fact, by due date, so that the sweep finds
 * its candidates with an indexed query instead of reading every plan. Written by the plan-views processor in the
 * transaction of the events, from the published state (ActionState.awaitsDeadlineFacts).
 */
@Component
public class ActionDeadlines {

    private final JdbcClient jdbc;

    ActionDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan with actions due by the horizon that may still get a fact, and its institution. */
    public record Candidate(String planId, String institutionId) {
    }

    /** Writes the rows of the actions whose due date or pending state the last event changed. */
    public void changed(PlanState before, PlanState after) {
        for (ActionState action : after.actions().values()) {
            ActionState previous = before == null ? null : before.actions().get(action.actionId());
            boolean pending = action.awaitsDeadlineFacts();
            if (previous != null && Objects.equals(previous.dueOn(), action.dueOn())
                    && previous.awaitsDeadlineFacts() == pending) {
                continue;
            }
            jdbc.sql("""
                            insert into plan_action_deadline (plan_id, action_id, institution_id, due_on, pending)
                            values (:planId, :actionId, :institutionId, :dueOn, :pending)
                            on conflict (plan_id, action_id) do update
                                set due_on = excluded.due_on, pending = excluded.pending""")
                    .param("planId", after.planId()).param("actionId", action.actionId())
                    .param("institutionId", after.institutionId()).param("dueOn", action.dueOn())
                    .param("pending", pending)
                    .update();
        }
    }

    /** The plans with a pending action due on or before {@code horizon}. */
    public List<Candidate> candidates(LocalDate horizon) {
        return jdbc.sql("""
                        select plan_id, min(institution_id) as institution_id from plan_action_deadline
                        where pending and due_on <= :horizon
                        group by plan_id order by plan_id""")
                .param("horizon", horizon)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2)))
                .list();
    }
}
