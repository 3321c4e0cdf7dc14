package org.mejora.evaluation.cycle.query;

import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.ServantResults;
import org.mejora.evaluation.api.ServantResults.Visibility;
import org.mejora.evaluation.api.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What HR reads about cycles, always within one institution. */
@Component
public class CycleQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CycleQueries(JdbcClient jdbc, JsonMapper json, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<CycleView> find(String cycleId, String institutionId) {
        return jdbc.sql("select * from cycle_view where cycle_id = :id and institution_id = :institution")
                .param("id", cycleId).param("institution", institutionId)
                .query((rs, row) -> new CycleView(rs.getString("cycle_id"), rs.getString("institution_id"),
                        rs.getInt("year"), rs.getString("name"), rs.getBigDecimal("goals_weight"),
                        rs.getBigDecimal("competencies_weight"), rs.getString("threshold_level"),
                        json.readTree(rs.getString("scale")), json.readTree(rs.getString("competencies")),
                        instant(rs, "opened_at"), rs.getString("opened_by"), instant(rs, "consolidated_at"),
                        rs.getString("consolidated_by"), stages(cycleId)))
                .optional();
    }

    public List<CycleView> all(String institutionId) {
        return jdbc.sql("select cycle_id from cycle_view where institution_id = :institution order by year desc")
                .param("institution", institutionId)
                .query(String.class).list().stream()
                .map(id -> find(id, institutionId).orElseThrow())
                .toList();
    }

    public List<StageView> stages(String cycleId) {
        return jdbc.sql("select * from cycle_stage where cycle_id = :id")
                .param("id", cycleId)
                .query((rs, row) -> new StageView(Stage.valueOf(rs.getString("stage")),
                        rs.getObject("deadline", LocalDate.class), instant(rs, "closed_at"),
                        rs.getString("closed_by"), rs.getString("close_reason")))
                .list().stream()
                .sorted(Comparator.comparing(StageView::stage))
                .toList();
    }

    /** The stages HR closed and when: what an evaluation step must be checked against. */
    public Map<Stage, Instant> closedStages(String cycleId) {
        Map<Stage, Instant> closed = new EnumMap<>(Stage.class);
        stages(cycleId).stream().filter(StageView::closed).forEach(stage -> closed.put(stage.stage(),
                stage.closedAt()));
        return closed;
    }

    public StageReport stageReport(CycleView cycle, Stage stage) {
        StageView state = cycle.stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<StageReport.Row> rows = jdbc.sql("""
                        select evaluation_id, servant_id, servant_name, supervisor_id, supervisor_name, status
                        from evaluation_view where cycle_id = :id order by servant_name, servant_id""")
                .param("id", cycle.cycleId())
                .query((rs, row) -> {
                    EvaluationStatus status = EvaluationStatus.valueOf(rs.getString("status"));
                    boolean done = status.isPast(stage);
                    return new StageReport.Row(rs.getString("evaluation_id"), rs.getString("servant_id"),
                            rs.getString("servant_name"), rs.getString("supervisor_id"),
                            rs.getString("supervisor_name"), status.name(), done,
                            !done && today.isAfter(state.deadline()));
                })
                .list();
        Map<String, Long> byStatus = rows.stream()
                .collect(Collectors.groupingBy(StageReport.Row::status, TreeMap::new, Collectors.counting()));
        return new StageReport(cycle.cycleId(), stage, state.deadline(), state.closedAt(), rows.size(),
                (int) rows.stream().filter(StageReport.Row::done).count(),
                (int) rows.stream().filter(StageReport.Row::late).count(), byStatus, rows);
    }

    /**
     * The year's results as {@code reader} may see them ({@link ServantResults}): the rows of the servants whose
     * results they see, and counts over the servants they may count.
     */
    public YearReport yearReport(CycleView cycle, ServantResults.Reader reader) {
        List<YearReport.Row> rows = jdbc.sql("""
                        select * from evaluation_view where cycle_id = :id
                        order by final_score desc nulls last, servant_name""")
                .param("id", cycle.cycleId())
                .query((rs, row) -> new YearReport.Row(rs.getString("evaluation_id"), rs.getString("servant_id"),
                        rs.getString("servant_name"), rs.getString("supervisor_id"), rs.getString("supervisor_name"),
                        rs.getString("status"), rs.getBigDecimal("goals_score"),
                        rs.getBigDecimal("competencies_score"), rs.getBigDecimal("final_score"),
                        rs.getString("rating_level"), rs.getBoolean("improvement_plan_required")))
                .list()
                .stream().filter(row -> visibility(reader, cycle, row).counted()).toList();
        List<YearReport.Row> consolidated = rows.stream()
                .filter(row -> EvaluationStatus.CONSOLIDATED.name().equals(row.status())).toList();
        Map<String, Long> byLevel = new LinkedHashMap<>();
        consolidated.forEach(row -> byLevel.merge(row.ratingLevel(), 1L, Long::sum));
        return new YearReport(cycle.cycleId(), cycle.year(), cycle.consolidatedAt(), rows.size(),
                consolidated.size(), (int) rows.stream().filter(YearReport.Row::improvementPlanRequired).count(),
                byLevel, rows.stream().filter(row -> visibility(reader, cycle, row) == Visibility.RESULTS).toList());
    }

    private static Visibility visibility(ServantResults.Reader reader, CycleView cycle, YearReport.Row row) {
        return ServantResults.of(reader,
                new ServantResults.Servant(row.servantId(), cycle.institutionId(), row.supervisorId()));
    }

    /** Evaluations whose servant accepted the final result and HR has yet to consolidate. */
    public List<String> completedEvaluations(String cycleId) {
        return jdbc.sql("select evaluation_id from evaluation_view where cycle_id = :id and status = :status")
                .param("id", cycleId).param("status", EvaluationStatus.COMPLETED.name())
                .query(String.class).list();
    }

    /** Servants whose consolidated result requires an individual improvement plan. */
    public List<YearReport.Row> improvementPlansRequired(CycleView cycle, ServantResults.Reader reader) {
        return yearReport(cycle, reader).servants().stream().filter(YearReport.Row::improvementPlanRequired).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
