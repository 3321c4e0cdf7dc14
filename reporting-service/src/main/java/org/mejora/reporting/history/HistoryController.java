package org.mejora.reporting.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.contract.PageRequest;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.state.EntityFold;
import org.mejora.reporting.state.Snapshots;
import org.mejora.reporting.web.Access;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit history of a plan (with its findings and actions), a finding, an action or an evaluation: every change
 * in order, what changed from what to what, who, in which role, when, why and with which evidence.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "History", description = "Historial de auditoría / audit history")
@Timed("mejora.reporting.http")
class HistoryController {

    private static final Map<String, Scope> SCOPES = Map.of(
            "plans", new Scope("Plan", "root", "plan"),
            "findings", new Scope("Finding", "entity", "finding"),
            "actions", new Scope("Action", "entity", "action"),
            "evaluations", new Scope("Evaluation", "root", "evaluation"));

    private final JdbcClient jdbc;
    private final Snapshots snapshots;

    HistoryController(JdbcClient jdbc, Snapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    @GetMapping("/plans/{planId}/history")
    @Operation(summary = "Historial de un plan / a plan's history",
            description = "The entries of /api/reports/history/plans/{planId} without filters, paged by page (from 0) "
                    + "and size (1-200, 50 by default).")
    HistoryPage planHistory(@PathVariable String planId,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                            @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser reader) {
        return history("plans", planId, null, null, null, null, page, size, reader);
    }

    @GetMapping("/history/{kind}/{id}")
    @Operation(summary = "Historial de cambios / history of changes",
            description = "kind: plans | findings | actions | evaluations. Filters: from, to (instants), user, "
                    + "change (CREATION, STATUS, PROGRESS, DATES, RESPONSIBLE, VERIFICATION, SCORE, UNREAD); "
                    + "paged by page (from 0) and size (1-200, 50 by default).")
    HistoryPage history(@PathVariable String kind, @PathVariable String id,
                        @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                        @RequestParam(required = false) String user, @RequestParam(required = false) String change,
                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                        @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser reader) {
        Scope scope = SCOPES.get(kind);
        if (scope == null) {
            throw ReportProblem.badRequest("kind", kind);
        }
        PageRequest asked = PageRequest.of(page, size);
        if (change != null && !change.equals("CREATION") && !change.equals("UNREAD")
                && !EntityFold.FIELDS_BY_KIND.containsKey(change)) {
            throw ReportProblem.badRequest("change", change);
        }
        authorize(scope, id, reader);

        String where = (scope.by().equals("root") ? "root_type = ? and root_id = ?" : "entity_type = ? and entity_id = ?")
                + " and occurred_at >= ? and occurred_at <= ? and (cast(? as text) is null or actor_id = ?)"
                + " and (cast(? as text) is null or cast(? as text) = any(change_kinds))";
        List<Object> params = new ArrayList<>(List.of(scope.type(), id,
                Timestamp.from(from == null ? Instant.EPOCH : from),
                Timestamp.from(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to)));
        params.add(user);
        params.add(user);
        params.add(change);
        params.add(change);
        long total = jdbc.sql("select count(*) from history_entry where " + where).params(params)
                .query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(asked.size());
        paged.add(asked.offset());
        List<HistoryEntryView> entries = jdbc.sql("""
                        select entity_type, entity_id, aggregate_type, sequence, event_type, schema_version,
                               occurred_at, actor_id, actor_role, actor_name, correlation_id, change_kinds,
                               changes::text, reason, evidence, payload::text
                        from history_entry where %s
                        order by occurred_at, aggregate_type, aggregate_id, sequence, entity_type, entity_id
                        limit ? offset ?""".formatted(where))
                .params(paged)
                .query(HistoryController::entry).list();
        return new HistoryPage(kind, id, entries, asked.page(), asked.size(), total);
    }

    private void authorize(Scope scope, String id, VerifiedUser reader) {
        String institution = jdbc.sql("""
                        select institution_id from history_entry
                        where (root_type = ? and root_id = ?) or (entity_type = ? and entity_id = ?) limit 1""")
                .params(scope.type(), id, scope.type(), id)
                .query(String.class).optional().orElse(null);
        if (scope.type().equals("Evaluation")) {
            Access.evaluationHistory(reader, institution,
                    snapshots.one("Evaluation", id).map(Snapshots.EntityRow::state).orElse(null), id);
        } else {
            Access.planHistory(reader, institution, scope.what(), id);
        }
    }

    private static HistoryEntryView entry(ResultSet row, int rowNumber) throws SQLException {
        return new HistoryEntryView(row.getString("entity_type"), row.getString("entity_id"),
                row.getString("aggregate_type"), row.getLong("sequence"), row.getString("event_type"),
                row.getInt("schema_version"), row.getTimestamp("occurred_at").toInstant(),
                new HistoryEntryView.Who(row.getString("actor_id"), row.getString("actor_role"),
                        row.getString("actor_name")),
                row.getString("correlation_id"), List.of((String[]) row.getArray("change_kinds").getArray()),
                row.getString("changes"), row.getString("reason"), row.getString("evidence"),
                row.getString("payload"));
    }

    private record Scope(String type, String by, String what) {
    }

    /** The list shape of every API ({@code items, page, size, total}) with the history's kind and id. */
    record HistoryPage(String kind, String id, List<HistoryEntryView> items, int page, int size, long total) {
    }

    /**
     * @param changes each {field, from, to} among the followed fields (status, progress, dates, responsible,
     *                verification, score)
     * @param event   the event's own fields, as published
     */
    record HistoryEntryView(String entityType, String entityId, String aggregateType, long sequence,
                            String eventType, int schemaVersion, Instant occurredAt, Who actor, String correlationId,
                            List<String> kinds, @JsonRawValue String changes, String reason, String evidence,
                            @JsonRawValue String event) {
        record Who(String userId, String role, String name) {
        }
    }
}
