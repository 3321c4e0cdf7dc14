package org.mejora.evaluation.evaluation.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.mejora.evaluation.api.CompetenciesRated;
import org.mejora.evaluation.api.EvaluationConsolidated;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.EvaluationEvent;
import org.mejora.evaluation.api.state.EvaluationFold;
import org.mejora.evaluation.api.FinalResultAccepted;
import org.mejora.evaluation.api.FinalResultNotAccepted;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.GoalsAccepted;
import org.mejora.evaluation.api.GoalsApproved;
import org.mejora.evaluation.api.GoalsModified;
import org.mejora.evaluation.api.GoalsNotAccepted;
import org.mejora.evaluation.api.GoalsRejected;
import org.mejora.evaluation.api.GoalsSubmitted;
import org.mejora.evaluation.api.ImprovementPlanRequired;
import org.mejora.evaluation.api.Score;
import org.mejora.evaluation.api.SelfEvaluationAccepted;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.SelfEvaluationModified;
import org.mejora.evaluation.api.SelfEvaluationNotAccepted;
import org.mejora.evaluation.api.SelfEvaluationRejected;
import org.mejora.evaluation.api.SelfEvaluationSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;


/**
 * Where each evaluation stands, with its current goals, compliance and ratings and, beside them, the servant's own
 * version whenever the supervisor modified it. Written in the transaction of the step, so a caller reads its write.
 */
@Component
@ProcessingGroup(EvaluationProjection.GROUP)
public class EvaluationProjection {

    public static final String GROUP = "evaluation-view";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EvaluationProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(EvaluationOpened event, @Timestamp Instant at) {
        jdbc.sql("""
                        insert into evaluation_view (evaluation_id, cycle_id, institution_id, year, servant_id,
                            servant_name, supervisor_id, supervisor_name, status, opened_at, last_step_at)
                        values (:id, :cycle, :institution, :year, :servant, :servantName, :supervisor,
                            :supervisorName, :status, :at, :at)
                        on conflict (evaluation_id) do nothing""")
                .param("id", event.evaluationId()).param("cycle", event.cycleId())
                .param("institution", event.institutionId()).param("year", event.year())
                .param("servant", event.servantId()).param("servantName", event.servantName())
                .param("supervisor", event.supervisorId()).param("supervisorName", event.supervisorName())
                .param("status", statusAfter(event)).param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(GoalsSubmitted event, @Timestamp Instant at) {
        jdbc.sql("""
                        update evaluation_view set goals = cast(:goals as jsonb), goals_original = null,
                            status = :status, last_step_at = :at where evaluation_id = :id""")
                .param("status", statusAfter(event))
                .param("goals", json.writeValueAsString(event.goals())).param("at", utc(at))
                .param("id", event.evaluationId())
                .update();
    }

    @EventHandler
    void on(GoalsApproved event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(GoalsRejected event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(GoalsModified event, @Timestamp Instant at) {
        jdbc.sql("""
                        update evaluation_view set goals = cast(:goals as jsonb),
                            goals_original = cast(:original as jsonb), status = :status, last_step_at = :at
                        where evaluation_id = :id""")
                .param("goals", json.writeValueAsString(event.modified()))
                .param("original", json.writeValueAsString(event.original()))
                .param("status", statusAfter(event)).param("at", utc(at))
                .param("id", event.evaluationId())
                .update();
    }

    @EventHandler
    void on(GoalsAccepted event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(GoalsNotAccepted event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(SelfEvaluationSubmitted event, @Timestamp Instant at) {
        String column = complianceColumn(event.followUp());
        jdbc.sql("update evaluation_view set " + column + " = cast(:compliance as jsonb), " + column
                        + "_original = null, status = :status, last_step_at = :at where evaluation_id = :id")
                .param("compliance", json.writeValueAsString(event.compliance()))
                .param("status", statusAfter(event))
                .param("at", utc(at)).param("id", event.evaluationId())
                .update();
    }

    @EventHandler
    void on(SelfEvaluationApproved event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(SelfEvaluationRejected event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(SelfEvaluationModified event, @Timestamp Instant at) {
        String column = complianceColumn(event.followUp());
        jdbc.sql("update evaluation_view set " + column + " = cast(:modified as jsonb), " + column
                        + "_original = cast(:original as jsonb), status = :status, last_step_at = :at"
                        + " where evaluation_id = :id")
                .param("modified", json.writeValueAsString(event.modified()))
                .param("original", json.writeValueAsString(event.original()))
                .param("status", statusAfter(event))
                .param("at", utc(at)).param("id", event.evaluationId())
                .update();
    }

    @EventHandler
    void on(SelfEvaluationAccepted event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(SelfEvaluationNotAccepted event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(CompetenciesRated event, @Timestamp Instant at) {
        Score result = event.result();
        jdbc.sql("""
                        update evaluation_view set competency_ratings = cast(:ratings as jsonb),
                            goals_score = :goals, competencies_score = :competencies, final_score = :final,
                            rating_level = :level, below_threshold = :below, status = :status, last_step_at = :at
                        where evaluation_id = :id""")
                .param("ratings", json.writeValueAsString(event.ratings()))
                .param("goals", result.goalsScore()).param("competencies", result.competenciesScore())
                .param("final", result.finalScore()).param("level", result.ratingLevel())
                .param("below", result.belowThreshold())
                .param("status", statusAfter(event))
                .param("at", utc(at)).param("id", event.evaluationId())
                .update();
    }

    @EventHandler
    void on(FinalResultAccepted event, @Timestamp Instant at) {
        status(event, at);
    }

    @EventHandler
    void on(FinalResultNotAccepted event, @Timestamp Instant at) {
        jdbc.sql("""
                        update evaluation_view set goals_score = null, competencies_score = null, final_score = null,
                            rating_level = null, below_threshold = null, status = :status, last_step_at = :at
                        where evaluation_id = :id""")
                .param("status", statusAfter(event)).param("at", utc(at)).param("id", event.evaluationId())
                .update();
    }

    @EventHandler
    void on(EvaluationConsolidated event, @Timestamp Instant at) {
        // the result consolidated: the accepted one, or the last rated one when the servant did not accept it
        Score result = event.result();
        jdbc.sql("""
                        update evaluation_view set status = :status, consolidated_at = :at, last_step_at = :at,
                            goals_score = :goals, competencies_score = :competencies, final_score = :final,
                            rating_level = :level, below_threshold = :below
                        where evaluation_id = :id""")
                .param("status", statusAfter(event)).param("at", utc(at))
                .param("goals", result.goalsScore()).param("competencies", result.competenciesScore())
                .param("final", result.finalScore()).param("level", result.ratingLevel())
                .param("below", result.belowThreshold())
                .param("id", event.evaluationId())
                .update();
    }

    @EventHandler
    void on(ImprovementPlanRequired event) {
        jdbc.sql("update evaluation_view set improvement_plan_required = true where evaluation_id = :id")
                .param("id", event.evaluationId())
                .update();
    }

    private void status(EvaluationEvent event, Instant at) {
        jdbc.sql("update evaluation_view set status = :status, last_step_at = :at where evaluation_id = :id")
                .param("status", statusAfter(event)).param("at", utc(at)).param("id", event.evaluationId())
                .update();
    }

    /** The step evaluation-api's fold moves the evaluation to: the view never decides it. */
    private static String statusAfter(EvaluationEvent event) {
        return EvaluationFold.statusSetBy(event).orElseThrow().name();
    }

    /** Column names come from the enum, never from input. */
    private static String complianceColumn(FollowUp followUp) {
        return followUp == FollowUp.I ? "compliance_i" : "compliance_ii";
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
