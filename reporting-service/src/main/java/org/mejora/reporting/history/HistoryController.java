package org.mejora.reporting.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "History", description = "Historial de auditoría / audit history")
@Timed("mejora.reporting.http")
class HistoryController {

    private final JdbcClient jdbc;

    HistoryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/plans/{planId}/history")
    @Operation(summary = "Historial de un plan / history of a plan")
    List<HistoryEntryView> planHistory(@PathVariable String planId,
                                       @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        List<HistoryEntryView> entries = jdbc.sql("""
                        select sequence, event_type, occurred_at, institution_id, actor_id, actor_role, actor_name,
                               correlation_id, payload::text
                        from history_entry where aggregate_type = 'Plan' and aggregate_id = ? order by sequence""")
                .param(planId)
                .query(HistoryController::entry)
                .list();
        // Another institution's plan is answered exactly like an unknown one: its existence is not disclosed.
        if (entries.isEmpty() || !user.canRead(entries.get(0).institutionId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "plan " + planId + " has no history");
        }
        return entries;
    }

    private static HistoryEntryView entry(ResultSet row, int rowNumber) throws SQLException {
        return new HistoryEntryView(row.getLong("sequence"), row.getString("event_type"),
                row.getTimestamp("occurred_at").toInstant(), row.getString("institution_id"),
                new HistoryEntryView.Who(row.getString("actor_id"), row.getString("actor_role"),
                        row.getString("actor_name")),
                row.getString("correlation_id"), row.getString("payload"));
    }

    record HistoryEntryView(long sequence, String eventType, Instant occurredAt, String institutionId, Who actor,
                            String correlationId, @JsonRawValue String change) {
        record Who(String userId, String role, String name) {
        }
    }
}
