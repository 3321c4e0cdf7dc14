package org.mejora.plan.plan.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.plan.api.state.ActionState;
import org.mejora.plan.api.state.FindingState;
import org.mejora.plan.api.state.PlanState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan view in rows (V20): {@code plan_view} holds the header (the columns lists filter on, the header's document
 * and its published state without findings and actions), {@code plan_view_finding} and {@code plan_view_action} one row
 * per finding and action with its document and state, {@code plan_view_follow_up} one row per follow-up. An event
 * reads and writes the header and the rows it names, so its cost does not grow with the plan's history.
 */
@Component
class PlanViewStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new EnvelopeCodec().mapper();

    PlanViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The part of a plan an event changes, as stored before it: the header and the findings and actions it names. */
    static final class Part {
        final PlanView view;
        /** Header state plus the loaded findings' and actions' states; null for a plan written before V3. */
        final PlanState state;
        private final Map<String, Row> findings = new LinkedHashMap<>();
        private final Map<String, Row> actions = new LinkedHashMap<>();

        private Part(PlanView view, PlanState state) {
            this.view = view;
            this.state = state;
        }
    }

    /** A finding's or action's stored JSON, to write back only what changed. */
    private record Row(String document, String state, int followUps) {
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
                .param("document", header(plan))
                .param("state", write(headerState(state)))
                .update();
    }

    /**
     * The header of the plan with the findings and actions named: an action brings its finding along, and
     * {@code withActionsOf} a finding brings all of that finding's actions (removing a finding removes them).
     */
    Part load(String planId, String findingId, String actionId, boolean withActionsOf) {
        Part part = jdbc.sql("SELECT document::text, state::text FROM plan_view WHERE plan_id = :id")
                .param("id", planId)
                .query((rs, row) -> new Part(read(rs.getString(1), PlanView.class),
                        rs.getString(2) == null ? null : read(rs.getString(2), PlanState.class)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no view of plan " + planId));
        part.view.findings = new ArrayList<>();
        Map<String, FindingState> findingStates = new LinkedHashMap<>();
        Map<String, ActionState> actionStates = new LinkedHashMap<>();
        List<ActionRow> actions = new ArrayList<>();
        if (actionId != null) {
            actions.addAll(jdbc.sql("""
                            SELECT action_id, finding_id, removed, follow_ups, document::text, state::text
                            FROM plan_view_action WHERE plan_id = :plan AND action_id = :action""")
                    .param("plan", planId).param("action", actionId)
                    .query(this::actionRow).list());
            if (findingId == null && !actions.isEmpty()) {
                findingId = actions.get(0).findingId;
            }
        }
        if (findingId != null) {
            jdbc.sql("""
                            SELECT finding_id, removed, document::text, state::text
                            FROM plan_view_finding WHERE plan_id = :plan AND finding_id = :finding""")
                    .param("plan", planId).param("finding", findingId)
                    .query((rs, n) -> {
                        String id = rs.getString(1);
                        Row row = new Row(rs.getString(3), rs.getString(4), 0);
                        part.findings.put(id, row);
                        if (row.state != null) {
                            findingStates.put(id, read(row.state, FindingState.class));
                        }
                        if (!rs.getBoolean(2) && row.document != null) {
                            PlanView.FindingView finding = read(row.document, PlanView.FindingView.class);
                            finding.actions = new ArrayList<>();
                            part.view.findings.add(finding);
                        }
                        return id;
                    }).list();
            if (withActionsOf) {
                actions.addAll(jdbc.sql("""
                                SELECT action_id, finding_id, removed, follow_ups, document::text, state::text
                                FROM plan_view_action WHERE plan_id = :plan AND finding_id = :finding
                                  AND action_id <> COALESCE(CAST(:action AS varchar), '')
                                ORDER BY position""")
                        .param("plan", planId).param("finding", findingId).param("action", actionId)
                        .query(this::actionRow).list());
            }
        }
        for (ActionRow action : actions) {
            part.actions.put(action.actionId, new Row(action.document, action.state, action.followUps));
            if (action.state != null) {
                actionStates.put(action.actionId, read(action.state, ActionState.class));
            }
            if (!action.removed && action.document != null) {
                PlanView.ActionView view = read(action.document, PlanView.ActionView.class);
                view.followUps = new ArrayList<>();
                part.view.findings.stream().filter(f -> f.findingId.equals(action.findingId)).findFirst()
                        .ifPresent(f -> f.actions.add(view));
            }
        }
        if (part.state == null) {
            return part;
        }
        PlanState header = part.state;
        return withState(part, new PlanState(header.planId(), header.institutionId(), header.kind(), header.status(),
                header.reviewed(), header.approvedOn(), header.closedOn(), findingStates, actionStates,
                header.reports()));
    }

    private static Part withState(Part part, PlanState state) {
        Part with = new Part(part.view, state);
        with.findings.putAll(part.findings);
        with.actions.putAll(part.actions);
        return with;
    }

    private record ActionRow(String actionId, String findingId, boolean removed, int followUps, String document,
                             String state) {
    }

    private ActionRow actionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ActionRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getString(5),
                rs.getString(6));
    }

    /**
     * Writes back what the event changed: the header always (version, status), each finding and action of
     * {@code plan} or of {@code state} whose document or state differs from the stored one, the follow-ups appended
     * to an action, and marks removed what {@code plan} no longer shows. {@code state} is the whole published state
     * for a plan written before V3 (its rows then get their state), else the part loaded plus the event.
     */
    void save(Part before, PlanView plan, PlanState state, long sequence, Instant at) {
        jdbc.sql("""
                        UPDATE plan_view SET status = :status, title = :title, version = :version, updated_at = :at,
                                             document = CAST(:document AS jsonb), state = CAST(:state AS jsonb)
                        WHERE plan_id = :id""")
                .param("id", plan.planId)
                .param("status", plan.status)
                .param("title", plan.title)
                .param("version", plan.version)
                .param("at", Timestamp.from(at))
                .param("document", header(plan))
                .param("state", write(headerState(state)))
                .update();
        Map<String, PlanView.FindingView> shownFindings = new LinkedHashMap<>();
        Map<String, PlanView.ActionView> shownActions = new LinkedHashMap<>();
        for (PlanView.FindingView finding : plan.findings) {
            shownFindings.put(finding.findingId, finding);
            for (PlanView.ActionView action : finding.actions) {
                shownActions.put(action.actionId, action);
            }
        }
        List<String> findingIds = new ArrayList<>(shownFindings.keySet());
        before.findings.keySet().stream().filter(id -> !findingIds.contains(id)).forEach(findingIds::add);
        state.findings().keySet().stream().filter(id -> !findingIds.contains(id)).forEach(findingIds::add);
        for (String id : findingIds) {
            PlanView.FindingView shown = shownFindings.get(id);
            String document = shown == null ? null : findingDocument(shown);
            String published = write(state.findings().get(id));
            Row stored = before.findings.get(id);
            if (stored == null) {
                jdbc.sql("""
                                INSERT INTO plan_view_finding (plan_id, finding_id, position, removed, document, state)
                                VALUES (:plan, :finding, :position, :removed, CAST(:document AS jsonb),
                                        CAST(:state AS jsonb))
                                ON CONFLICT (plan_id, finding_id) DO UPDATE SET state = EXCLUDED.state""")
                        .param("plan", plan.planId).param("finding", id).param("position", sequence)
                        .param("removed", shown == null).param("document", document).param("state", published)
                        .update();
            } else if (shown == null || !same(stored.document, document) || !same(stored.state, published)) {
                jdbc.sql("""
                                UPDATE plan_view_finding SET removed = :removed,
                                       document = COALESCE(CAST(:document AS jsonb), document),
                                       state = CAST(:state AS jsonb)
                                WHERE plan_id = :plan AND finding_id = :finding""")
                        .param("plan", plan.planId).param("finding", id).param("removed", shown == null)
                        .param("document", document).param("state", published)
                        .update();
            }
        }
        List<String> actionIds = new ArrayList<>(shownActions.keySet());
        before.actions.keySet().stream().filter(id -> !actionIds.contains(id)).forEach(actionIds::add);
        state.actions().keySet().stream().filter(id -> !actionIds.contains(id)).forEach(actionIds::add);
        for (String id : actionIds) {
            PlanView.ActionView shown = shownActions.get(id);
            ActionState published = state.actions().get(id);
            String document = shown == null ? null : actionDocument(shown);
            String publishedJson = write(published);
            Row stored = before.actions.get(id);
            int followUps = stored == null ? 0 : stored.followUps;
            List<PlanView.FollowUpView> appended = shown == null ? List.of() : shown.followUps;
            if (stored == null) {
                String findingId = shown != null ? shown.findingId : published.findingId();
                jdbc.sql("""
                                INSERT INTO plan_view_action (plan_id, action_id, finding_id, position, removed,
                                                              document, state)
                                VALUES (:plan, :action, :finding, :position, :removed, CAST(:document AS jsonb),
                                        CAST(:state AS jsonb))
                                ON CONFLICT (plan_id, action_id) DO UPDATE SET state = EXCLUDED.state""")
                        .param("plan", plan.planId).param("action", id).param("finding", findingId)
                        .param("position", sequence).param("removed", shown == null).param("document", document)
                        .param("state", publishedJson)
                        .update();
            } else if (shown == null || !appended.isEmpty() || !same(stored.document, document)
                    || !same(stored.state, publishedJson)) {
                jdbc.sql("""
                                UPDATE plan_view_action SET removed = :removed, follow_ups = :followUps,
                                       document = COALESCE(CAST(:document AS jsonb), document),
                                       state = CAST(:state AS jsonb)
                                WHERE plan_id = :plan AND action_id = :action""")
                        .param("plan", plan.planId).param("action", id).param("removed", shown == null)
                        .param("followUps", followUps + appended.size()).param("document", document)
                        .param("state", publishedJson)
                        .update();
            }
            for (int i = 0; i < appended.size(); i++) {
                jdbc.sql("""
                                INSERT INTO plan_view_follow_up (plan_id, action_id, n, document)
                                VALUES (:plan, :action, :n, CAST(:document AS jsonb))""")
                        .param("plan", plan.planId).param("action", id).param("n", followUps + i + 1)
                        .param("document", write(appended.get(i)))
                        .update();
            }
        }
    }

    /** Every plan of the institution with its published state: empty for a plan written before V3 kept the state. */
    List<StoredState> states(String institutionId) {
        Map<String, Map<String, FindingState>> findings = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT f.plan_id, f.finding_id, f.state::text FROM plan_view_finding f
                        JOIN plan_view v ON v.plan_id = f.plan_id
                        WHERE v.institution_id = :institution AND f.state IS NOT NULL
                        ORDER BY f.plan_id, f.position""")
                .param("institution", institutionId)
                .query((rs, n) -> findings.computeIfAbsent(rs.getString(1), id -> new LinkedHashMap<>())
                        .put(rs.getString(2), read(rs.getString(3), FindingState.class)))
                .list();
        Map<String, Map<String, ActionState>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.plan_id, a.action_id, a.state::text FROM plan_view_action a
                        JOIN plan_view v ON v.plan_id = a.plan_id
                        WHERE v.institution_id = :institution AND a.state IS NOT NULL
                        ORDER BY a.plan_id, a.position""")
                .param("institution", institutionId)
                .query((rs, n) -> actions.computeIfAbsent(rs.getString(1), id -> new LinkedHashMap<>())
                        .put(rs.getString(2), read(rs.getString(3), ActionState.class)))
                .list();
        return jdbc.sql("""
                        SELECT plan_id, state::text AS state FROM plan_view WHERE institution_id = :institution
                        ORDER BY plan_id""")
                .param("institution", institutionId)
                .query((row, n) -> {
                    String planId = row.getString("plan_id");
                    return new StoredState(planId, Optional.ofNullable(row.getString("state"))
                            .map(text -> read(text, PlanState.class))
                            .map(header -> new PlanState(header.planId(), header.institutionId(), header.kind(),
                                    header.status(), header.reviewed(), header.approvedOn(), header.closedOn(),
                                    findings.getOrDefault(planId, Map.of()), actions.getOrDefault(planId, Map.of()),
                                    header.reports())));
                })
                .list();
    }

    record StoredState(String planId, Optional<PlanState> state) {
    }

    /** The plan as the API shows it: header, findings and actions with their current state, without follow-ups. */
    Optional<PlanView> find(String planId) {
        Optional<PlanView> found = header(planId);
        found.ifPresent(plan -> {
            Map<String, PlanView.FindingView> findings = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT document::text FROM plan_view_finding
                            WHERE plan_id = :plan AND NOT removed AND document IS NOT NULL ORDER BY position""")
                    .param("plan", planId)
                    .query(String.class).list()
                    .forEach(text -> {
                        PlanView.FindingView finding = read(text, PlanView.FindingView.class);
                        finding.actions = new ArrayList<>();
                        findings.put(finding.findingId, finding);
                    });
            jdbc.sql("""
                            SELECT document::text, follow_ups FROM plan_view_action
                            WHERE plan_id = :plan AND NOT removed AND document IS NOT NULL ORDER BY position""")
                    .param("plan", planId)
                    .query((rs, n) -> {
                        PlanView.ActionView action = read(rs.getString(1), PlanView.ActionView.class);
                        action.followUpCount = rs.getInt(2);
                        return action;
                    }).list()
                    .forEach(action -> Optional.ofNullable(findings.get(action.findingId))
                            .ifPresent(finding -> finding.actions.add(action)));
            plan.findings = new ArrayList<>(findings.values());
        });
        return found;
    }

    /** The plan's header alone (who may act on it, its version), without reading its findings and actions. */
    Optional<PlanView> header(String planId) {
        return jdbc.sql("SELECT document::text FROM plan_view WHERE plan_id = :id")
                .param("id", planId)
                .query(String.class)
                .optional()
                .map(text -> read(text, PlanView.class));
    }

    /** One page of an action's follow-ups, oldest first; empty when the plan has no such action. */
    Optional<Page<PlanView.FollowUpView>> followUps(String planId, String actionId, PageRequest page) {
        Optional<Integer> total = jdbc.sql("""
                        SELECT follow_ups FROM plan_view_action
                        WHERE plan_id = :plan AND action_id = :action AND NOT removed AND document IS NOT NULL""")
                .param("plan", planId).param("action", actionId)
                .query(Integer.class).optional();
        return total.map(count -> new Page<>(jdbc.sql("""
                                SELECT document::text FROM plan_view_follow_up
                                WHERE plan_id = :plan AND action_id = :action ORDER BY n LIMIT :limit OFFSET :offset""")
                        .param("plan", planId).param("action", actionId)
                        .param("limit", page.size()).param("offset", page.offset())
                        .query(String.class).list().stream()
                        .map(text -> read(text, PlanView.FollowUpView.class)).toList(),
                page.page(), page.size(), count));
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

    /** The header's document: the plan without its findings, which have rows of their own. */
    private String header(PlanView plan) {
        List<PlanView.FindingView> findings = plan.findings;
        plan.findings = new ArrayList<>();
        try {
            return write(plan);
        } finally {
            plan.findings = findings;
        }
    }

    private String findingDocument(PlanView.FindingView finding) {
        List<PlanView.ActionView> actions = finding.actions;
        finding.actions = new ArrayList<>();
        try {
            return write(finding);
        } finally {
            finding.actions = actions;
        }
    }

    /** An action's document: without its follow-ups and their count, which have rows and a column of their own. */
    private String actionDocument(PlanView.ActionView action) {
        List<PlanView.FollowUpView> followUps = action.followUps;
        int count = action.followUpCount;
        action.followUps = new ArrayList<>();
        action.followUpCount = 0;
        try {
            return write(action);
        } finally {
            action.followUps = followUps;
            action.followUpCount = count;
        }
    }

    /** The same JSON, whatever PostgreSQL did to its spacing and key order. */
    private boolean same(String stored, String written) {
        if (stored == null || written == null) {
            return stored == null && written == null;
        }
        try {
            return json.readTree(stored).equals(json.readTree(written));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static PlanState headerState(PlanState state) {
        return new PlanState(state.planId(), state.institutionId(), state.kind(), state.status(), state.reviewed(),
                state.approvedOn(), state.closedOn(), Map.of(), Map.of(), state.reports());
    }

    private String write(Object document) {
        if (document == null) {
            return null;
        }
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a plan's view", e);
        }
    }

    private <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable plan view", e);
        }
    }
}
