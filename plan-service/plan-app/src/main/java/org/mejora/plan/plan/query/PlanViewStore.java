package org.mejora.plan.plan.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.plan.api.state.PlanState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code plan_view} rows with JdbcClient: a few columns to filter on and the plan as a JSON document. */
@Component
class PlanViewStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new EnvelopeCodec().mapper();

    PlanViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PlanView plan, PlanState state, Instant at) {
        jdbc.sql("""
                        INSERT INTO plan_view (plan_id, institution_id, kind, status, title, servant_id, supervisor_id,
                                               evaluation_id, version, updated_at, document, state)
                        VALUES (:id, :institution, :kind, :status, :title, :servant, :supervisor, :evaluation,
                                :version, :at, CAST(:document AS jsonb), CAST(:state AS jsonb))""")
                .param("id", plan.planId)
                .param("institution", plan.institutionId)
                .param("kind", plan.kind)
                .param("status", plan.status)
                .param("title", plan.title)
                .param("servant", plan.individual == null ? null : plan.individual.servantId())
                .param("supervisor", plan.individual == null ? null : plan.individual.supervisorId())
                .param("evaluation", plan.individual == null ? null : plan.individual.evaluationId())
                .param("version", plan.version)
                .param("at", Timestamp.from(at))
                .param("document", write(plan))
                .param("state", write(state))
                .update();
    }

    void update(PlanView plan, PlanState state, Instant at) {
        jdbc.sql("""
                        UPDATE plan_view SET status = :status, title = :title, version = :version, updated_at = :at,
                                             document = CAST(:document AS jsonb), state = CAST(:state AS jsonb)
                        WHERE plan_id = :id""")
                .param("id", plan.planId)
                .param("status", plan.status)
                .param("title", plan.title)
                .param("version", plan.version)
                .param("at", Timestamp.from(at))
                .param("document", write(plan))
                .param("state", write(state))
                .update();
    }

    /** The view and the published state of a plan; the state is null in a row written before it was kept. */
    Stored load(String planId) {
        return jdbc.sql("SELECT document::text, state::text FROM plan_view WHERE plan_id = :id")
                .param("id", planId)
                .query((rs, row) -> new Stored(read(rs.getString(1)),
                        rs.getString(2) == null ? null : readState(rs.getString(2))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no view of plan " + planId));
    }

    /** The published state of every plan of an institution, for reconciliation. */
    /** Every plan of the institution with its published state: empty in a row written before the state was kept. */
    List<StoredState> states(String institutionId) {
        return jdbc.sql("""
                        SELECT plan_id, state::text AS state FROM plan_view WHERE institution_id = :institution
                        ORDER BY plan_id""")
                .param("institution", institutionId)
                .query((row, n) -> new StoredState(row.getString("plan_id"),
                        Optional.ofNullable(row.getString("state")).map(this::readState)))
                .list();
    }

    record StoredState(String planId, Optional<PlanState> state) {
    }

    Optional<PlanView> find(String planId) {
        return jdbc.sql("SELECT document::text FROM plan_view WHERE plan_id = :id")
                .param("id", planId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    /**
     * One page of an institution's plans, newest change first; {@code reader} non-null keeps only the plans where
     * that user is the servant or the supervisor.
     */
    Page<PlanSummary> list(String institutionId, String status, String kind, String reader, PageRequest page) {
        String where = """
                WHERE institution_id = :institution
                  AND (CAST(:status AS varchar) IS NULL OR status = :status)
                  AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)
                  AND (CAST(:reader AS varchar) IS NULL OR servant_id = :reader OR supervisor_id = :reader)""";
        long total = jdbc.sql("SELECT count(*) FROM plan_view " + where)
                .param("institution", institutionId)
                .param("status", status)
                .param("kind", kind)
                .param("reader", reader)
                .query(Long.class).single();
        List<PlanSummary> plans = jdbc.sql("""
                        SELECT plan_id, kind, status, title, document ->> 'period' AS period, servant_id,
                               supervisor_id, version, updated_at
                        FROM plan_view
                        """ + where + """

                        ORDER BY updated_at DESC, plan_id
                        LIMIT :limit OFFSET :offset""")
                .param("institution", institutionId)
                .param("status", status)
                .param("kind", kind)
                .param("reader", reader)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> new PlanSummary(rs.getString("plan_id"), rs.getString("kind"),
                        rs.getString("status"), rs.getString("title"), rs.getString("period"),
                        rs.getString("servant_id"),
                        rs.getString("supervisor_id"), rs.getLong("version"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new Page<>(plans, page.page(), page.size(), total);
    }

    private String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a plan's view", e);
        }
    }

    private PlanState readState(String document) {
        try {
            return json.readValue(document, PlanState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable plan state", e);
        }
    }

    record Stored(PlanView view, PlanState state) {
    }

    private PlanView read(String document) {
        try {
            return json.readValue(document, PlanView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable plan view", e);
        }
    }
}
