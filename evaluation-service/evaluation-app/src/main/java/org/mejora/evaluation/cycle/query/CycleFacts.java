package org.mejora.evaluation.cycle.query;

import org.mejora.evaluation.api.state.EntityFacts;
import org.mejora.evaluation.api.state.EvaluationFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What evaluation-service's views hold now of an institution's cycles and evaluations, in evaluation-api's compact
 * form: the producer's side of reconciliation.
 */
@Service
public class CycleFacts {

    private final JdbcClient jdbc;

    CycleFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<EntityFacts> of(String institutionId) {
        List<EntityFacts> facts = new ArrayList<>();
        jdbc.sql("""
                        select c.cycle_id, c.consolidated_at is not null,
                               (select count(*) from evaluation_view e where e.cycle_id = c.cycle_id),
                               (select string_agg(s.stage, ',' order by s.stage) from cycle_stage s
                                where s.cycle_id = c.cycle_id and s.closed_at is not null)
                        from cycle_view c where c.institution_id = ? order by c.cycle_id""")
                .param(institutionId)
                .query(row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("assignments", String.valueOf(row.getLong(3)));
                    if (row.getString(4) != null) {
                        values.put("closedStages", row.getString(4));
                    }
                    facts.add(new EntityFacts(EvaluationFacts.CYCLE, row.getString(1), null,
                            row.getBoolean(2) ? "CONSOLIDATED" : "OPEN", null, null, null, false, values));
                });
        jdbc.sql("""
                        select evaluation_id, cycle_id, status, final_score, rating_level, improvement_plan_required
                        from evaluation_view where institution_id = ? order by evaluation_id""")
                .param(institutionId)
                .query(row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    BigDecimal score = row.getBigDecimal(4);
                    if (score != null) {
                        values.put("finalScore", EvaluationFacts.score(score));
                        values.put("ratingLevel", row.getString(5));
                    }
                    if (row.getBoolean(6)) {
                        values.put("improvementPlanRequired", "true");
                    }
                    facts.add(new EntityFacts(EvaluationFacts.EVALUATION, row.getString(1), row.getString(2),
                            row.getString(3), null, null, null, false, values));
                });
        return facts;
    }
}
