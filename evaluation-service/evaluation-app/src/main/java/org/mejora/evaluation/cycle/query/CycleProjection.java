package org.mejora.evaluation.cycle.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.CycleOpened;
import org.mejora.evaluation.api.StageClosed;
import org.mejora.evaluation.api.StageDeadline;
import org.mejora.evaluation.api.YearConsolidated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Cycles and the state of their stages, written in the transaction of the command that changed them. */
@Component
@ProcessingGroup(CycleProjection.GROUP)
public class CycleProjection {

    public static final String GROUP = "cycle-view";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CycleProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CycleOpened event, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR_ID) String actor) {
        jdbc.sql("""
                        insert into cycle_view (cycle_id, institution_id, year, name, goals_weight, competencies_weight,
                            threshold_level, scale, competencies, opened_at, opened_by)
                        values (:id, :institution, :year, :name, :goalsWeight, :competenciesWeight, :threshold,
                            cast(:scale as jsonb), cast(:competencies as jsonb), :at, :actor)
                        on conflict (cycle_id) do nothing""")
                .param("id", event.cycleId()).param("institution", event.institutionId())
                .param("year", event.year()).param("name", event.name())
                .param("goalsWeight", event.goalsWeight()).param("competenciesWeight", event.competenciesWeight())
                .param("threshold", event.thresholdLevel())
                .param("scale", json.writeValueAsString(event.scale()))
                .param("competencies", json.writeValueAsString(event.competencies()))
                .param("at", utc(at)).param("actor", actor)
                .update();
        for (StageDeadline stage : event.stages()) {
            jdbc.sql("""
                            insert into cycle_stage (cycle_id, stage, deadline) values (:id, :stage, :deadline)
                            on conflict do nothing""")
                    .param("id", event.cycleId()).param("stage", stage.stage().name())
                    .param("deadline", stage.deadline())
                    .update();
        }
    }

    @EventHandler
    void on(StageClosed event, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR_ID) String actor) {
        jdbc.sql("""
                        update cycle_stage set closed_at = :at, closed_by = :actor, close_reason = :reason
                        where cycle_id = :id and stage = :stage""")
                .param("at", utc(at)).param("actor", actor).param("reason", event.reason())
                .param("id", event.cycleId()).param("stage", event.stage().name())
                .update();
    }

    @EventHandler
    void on(YearConsolidated event, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR_ID) String actor) {
        jdbc.sql("update cycle_view set consolidated_at = :at, consolidated_by = :actor where cycle_id = :id")
                .param("at", utc(at)).param("actor", actor).param("id", event.cycleId())
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
