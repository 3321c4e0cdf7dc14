package org.mejora.evaluation.evaluation.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.EvaluationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Appends every step of an evaluation with who took it, when, in which role and why; rows are never updated. */
@Component
@ProcessingGroup(EvaluationProjection.GROUP)
class EvaluationStepLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EvaluationStepLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(EvaluationEvent event, DomainEventMessage<?> message) {
        MetaData meta = message.getMetaData();
        JsonNode detail = json.valueToTree(event);
        JsonNode reason = detail.get("reason");
        jdbc.sql("""
                        insert into evaluation_step (event_id, evaluation_id, sequence, step, actor_id, actor_role,
                            actor_name, occurred_at, reason, detail)
                        values (:eventId, :id, :sequence, :step, :actorId, :actorRole, :actorName, :at, :reason,
                            cast(:detail as jsonb))
                        on conflict (event_id) do nothing""")
                .param("eventId", message.getIdentifier()).param("id", event.evaluationId())
                .param("sequence", message.getSequenceNumber())
                .param("step", event.getClass().getSimpleName())
                .param("actorId", text(meta.get(EventMetadata.ACTOR_ID)))
                .param("actorRole", text(meta.get(EventMetadata.ACTOR_ROLE)))
                .param("actorName", text(meta.get(EventMetadata.ACTOR_NAME)))
                .param("at", OffsetDateTime.ofInstant(message.getTimestamp(), ZoneOffset.UTC))
                .param("reason", reason == null || reason.isNull() ? null : reason.asString())
                .param("detail", json.writeValueAsString(detail))
                .update();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
