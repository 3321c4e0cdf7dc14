package org.mejora.reporting.ingest;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ingestion could not apply as it came (gaps, unknown event types, newer schema versions, events the fold
 * could not apply, unreadable records), for the administrator's screen: the same figures as
 * {@code /actuator/health/ingestion}, reachable through the gateway, with the open problems themselves.
 */
@RestController
@RequestMapping("/api/reports/admin/ingestion-problems")
@Tag(name = "Rebuild", description = "Reconstrucción de proyecciones / projection rebuild")
@Timed("mejora.reporting.http")
class IngestionProblemsController {

    /** The newest open problems shown; the counts by kind cover them all. */
    static final int LIMIT = 200;

    private final Ingestion ingestion;
    private final JdbcClient jdbc;

    IngestionProblemsController(Ingestion ingestion, JdbcClient jdbc) {
        this.ingestion = ingestion;
        this.jdbc = jdbc;
    }

    record Problem(String kind, String topic, int partition, long offset, String aggregateType, String aggregateId,
                   String eventType, String detail) {
    }

    record Problems(long eventsApplied, String lastError, Map<String, Long> openByKind, List<Problem> open) {
    }

    @GetMapping
    @Operation(summary = "Problemas de ingesta abiertos / open ingestion problems",
            description = "counts by kind and up to " + LIMIT + " open problems (of one aggregate with aggregateId) "
                    + "with topic, partition, offset, aggregate and event type")
    Problems open(@RequestParam(required = false) String aggregateId,
                  @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        // Every institution's events: the platform's business, not one institution's ADMIN's.
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new ReportProblem(HttpStatus.FORBIDDEN, "rebuild-admin-only");
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        jdbc.sql("select kind, count(*) from ingest_problem where not resolved group by kind order by kind")
                .query(row -> {
                    byKind.put(row.getString(1), row.getLong(2));
                });
        List<Problem> open = jdbc.sql("""
                        select kind, topic, partition_no, record_offset, aggregate_type, aggregate_id, event_type, detail
                        from ingest_problem where not resolved and (:aggregate = '' or aggregate_id = :aggregate)
                        order by topic, partition_no, record_offset desc limit :limit""")
                .param("aggregate", aggregateId == null ? "" : aggregateId)
                .param("limit", LIMIT)
                .query((row, n) -> new Problem(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8)))
                .list();
        return new Problems(ingestion.live().applied(), ingestion.live().lastError(), byKind, open);
    }
}
