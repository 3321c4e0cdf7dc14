package org.mejora.reporting.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.mejora.envelope.EnvelopeCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * What the notifications need to know of plans, actions and evaluations to pick recipients and word a reminder,
 * kept by their own consumer (not read from the projections, which a rebuild replaces).
 */
@Component
class Facts {

    record Plan(String planId, String institutionId, String title, String ownerId, String reviewerId) {
    }

    record Action(String actionId, String planId, String number, String name, List<String> responsibles) {
    }

    record Evaluation(String evaluationId, String institutionId, String servantId, String servantName,
                      String supervisorId, String supervisorName) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    Facts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void planCreated(String planId, String institutionId, String title, String ownerId) {
        jdbc.sql("""
                        insert into notification_plan (plan_id, institution_id, title, owner_id) values (?, ?, ?, ?)
                        on conflict (plan_id) do update set institution_id = excluded.institution_id,
                            title = excluded.title, owner_id = excluded.owner_id""")
                .params(planId, institutionId, title, ownerId).update();
    }

    void planTitled(String planId, String title) {
        jdbc.sql("update notification_plan set title = ? where plan_id = ?").params(title, planId).update();
    }

    void planReviewed(String planId, String reviewerId) {
        jdbc.sql("update notification_plan set reviewer_id = ? where plan_id = ?").params(reviewerId, planId).update();
    }

    void action(String actionId, String planId, String number, String name) {
        jdbc.sql("""
                        insert into notification_action (action_id, plan_id, number, name) values (?, ?, ?, ?)
                        on conflict (action_id) do update set plan_id = excluded.plan_id, number = excluded.number,
                            name = excluded.name""")
                .params(actionId, planId, number, name).update();
    }

    void responsibles(String actionId, String planId, List<String> userIds) {
        jdbc.sql("""
                        insert into notification_action (action_id, plan_id, responsibles)
                        values (?, ?, cast(? as jsonb))
                        on conflict (action_id) do update set responsibles = excluded.responsibles""")
                .params(actionId, planId, json(userIds)).update();
    }

    void evaluation(String evaluationId, String institutionId, String servantId, String servantName,
                    String supervisorId, String supervisorName) {
        jdbc.sql("""
                        insert into notification_evaluation
                            (evaluation_id, institution_id, servant_id, servant_name, supervisor_id, supervisor_name)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (evaluation_id) do update set servant_id = excluded.servant_id,
                            servant_name = excluded.servant_name, supervisor_id = excluded.supervisor_id,
                            supervisor_name = excluded.supervisor_name""")
                .params(evaluationId, institutionId, servantId, servantName, supervisorId, supervisorName).update();
    }

    Optional<Plan> plan(String planId) {
        return jdbc.sql("select plan_id, institution_id, title, owner_id, reviewer_id from notification_plan where plan_id = ?")
                .param(planId)
                .query((row, n) -> new Plan(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)))
                .optional();
    }

    Optional<Action> action(String actionId) {
        return jdbc.sql("select action_id, plan_id, number, name, responsibles from notification_action where action_id = ?")
                .param(actionId)
                .query((row, n) -> new Action(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        list(row.getString(5))))
                .optional();
    }

    Optional<Evaluation> evaluation(String evaluationId) {
        return jdbc.sql("""
                        select evaluation_id, institution_id, servant_id, servant_name, supervisor_id, supervisor_name
                        from notification_evaluation where evaluation_id = ?""")
                .param(evaluationId)
                .query((row, n) -> new Evaluation(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6)))
                .optional();
    }

    private List<String> list(String json) {
        try {
            return codec.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(List<String> values) {
        try {
            return codec.mapper().writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
