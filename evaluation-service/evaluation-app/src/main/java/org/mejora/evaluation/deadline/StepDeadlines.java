package org.mejora.evaluation.deadline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.EvaluationStepOverdue;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageDeadline;
import org.mejora.evaluation.evaluation.query.EvaluationProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sweep's candidates from evaluation-service's own views: evaluations standing at a step of a stage whose
 * deadline is near or past (cycle_stage, indexed by deadline), leaving out those whose step was already found overdue
 * for that deadline ({@code evaluation_deadline_settled}, kept here in the transaction of the event).
 */
@Component
@ProcessingGroup(EvaluationProjection.GROUP)
public class StepDeadlines {

    private final JdbcClient jdbc;

    StepDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An evaluation that may get a deadline fact, with its institution and cycle. */
    public record Candidate(String evaluationId, String institutionId, String cycleId) {
    }

    @EventHandler
    void on(EvaluationStepOverdue event) {
        jdbc.sql("""
                        insert into evaluation_deadline_settled (evaluation_id, stage, deadline)
                        values (:id, :stage, :deadline) on conflict do nothing""")
                .param("id", event.evaluationId()).param("stage", event.stage().name())
                .param("deadline", event.deadline())
                .update();
    }

    /** Evaluations whose current step's stage ends on or before {@code horizon} and is not settled yet. */
    public List<Candidate> candidates(LocalDate horizon) {
        List<Candidate> found = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            // Which steps belong to the stage is the published enum's; the view keeps the step as its name.
            List<String> steps = Arrays.stream(EvaluationStatus.values()).filter(s -> s.stage() == stage)
                    .map(Enum::name).toList();
            found.addAll(jdbc.sql("""
                            select e.evaluation_id, e.institution_id, e.cycle_id
                            from cycle_stage s join evaluation_view e on e.cycle_id = s.cycle_id
                            where s.stage = :stage and s.deadline <= :horizon and e.status in (:steps)
                              and not exists (select 1 from evaluation_deadline_settled d
                                              where d.evaluation_id = e.evaluation_id and d.stage = s.stage
                                                and d.deadline = s.deadline)
                            order by e.evaluation_id""")
                    .param("stage", stage.name()).param("horizon", horizon).param("steps", steps)
                    .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list());
        }
        return found;
    }

    /** The stage deadlines of a cycle, as its view keeps them. */
    public List<StageDeadline> of(String cycleId) {
        return jdbc.sql("select stage, deadline from cycle_stage where cycle_id = :cycle")
                .param("cycle", cycleId)
                .query((rs, n) -> new StageDeadline(Stage.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class)))
                .list();
    }
}
