package org.mejora.evaluation.evaluation.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What servants, supervisors and HR read about evaluations, always within one institution. */
@Component
public class EvaluationQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EvaluationQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<EvaluationView> find(String evaluationId, String institutionId) {
        return jdbc.sql("select * from evaluation_view where evaluation_id = :id and institution_id = :institution")
                .param("id", evaluationId).param("institution", institutionId)
                .query((rs, row) -> new EvaluationView(rs.getString("evaluation_id"), rs.getString("cycle_id"),
                        rs.getString("institution_id"), rs.getInt("year"), rs.getString("servant_id"),
                        rs.getString("servant_name"), rs.getString("supervisor_id"),
                        rs.getString("supervisor_name"), rs.getString("status"), tree(rs, "goals"),
                        tree(rs, "goals_original"), tree(rs, "compliance_i"), tree(rs, "compliance_i_original"),
                        tree(rs, "compliance_ii"), tree(rs, "compliance_ii_original"),
                        tree(rs, "competency_ratings"), rs.getBigDecimal("goals_score"),
                        rs.getBigDecimal("competencies_score"), rs.getBigDecimal("final_score"),
                        rs.getString("rating_level"), rs.getObject("below_threshold", Boolean.class),
                        instant(rs, "consolidated_at"), rs.getBoolean("improvement_plan_required"),
                        instant(rs, "opened_at"), instant(rs, "last_step_at"), steps(evaluationId)))
                .optional();
    }

    /** The evaluations where the user is the servant or the supervisor. */
    public List<EvaluationSummary> of(String userId, String institutionId) {
        return jdbc.sql("""
                        select * from evaluation_view
                        where institution_id = :institution and (servant_id = :user or supervisor_id = :user)
                        order by year desc, servant_name""")
                .param("institution", institutionId).param("user", userId)
                .query((rs, row) -> summary(rs))
                .list();
    }

    public List<EvaluationSummary> ofCycle(String cycleId, String institutionId) {
        return jdbc.sql("""
                        select * from evaluation_view where cycle_id = :cycle and institution_id = :institution
                        order by servant_name""")
                .param("cycle", cycleId).param("institution", institutionId)
                .query((rs, row) -> summary(rs))
                .list();
    }

    private List<EvaluationView.Step> steps(String evaluationId) {
        return jdbc.sql("select * from evaluation_step where evaluation_id = :id order by sequence")
                .param("id", evaluationId)
                .query((rs, row) -> new EvaluationView.Step(rs.getLong("sequence"), rs.getString("step"),
                        rs.getString("actor_id"), rs.getString("actor_role"), rs.getString("actor_name"),
                        instant(rs, "occurred_at"), rs.getString("reason"), tree(rs, "detail")))
                .list();
    }

    private static EvaluationSummary summary(ResultSet rs) throws SQLException {
        return new EvaluationSummary(rs.getString("evaluation_id"), rs.getString("cycle_id"), rs.getInt("year"),
                rs.getString("servant_id"), rs.getString("servant_name"), rs.getString("supervisor_id"),
                rs.getString("supervisor_name"), rs.getString("status"), rs.getBigDecimal("final_score"),
                rs.getString("rating_level"), instant(rs, "last_step_at"));
    }

    private JsonNode tree(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : json.readTree(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
