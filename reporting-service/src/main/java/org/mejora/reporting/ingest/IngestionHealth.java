package org.mejora.reporting.ingest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ingestion is up while it applies batches; events it could not interpret (unknown types, newer schema versions,
 * gaps still open, unreadable records) are reported as details without taking the service down: they block nothing.
 */
@Component("ingestion")
class IngestionHealth implements HealthIndicator {

    private final Ingestion ingestion;
    private final JdbcClient jdbc;

    IngestionHealth(Ingestion ingestion, JdbcClient jdbc) {
        this.ingestion = ingestion;
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Map<String, Long> open = new LinkedHashMap<>();
        jdbc.sql("select kind, count(*) from ingest_problem where not resolved group by kind order by kind")
                .query(row -> {
                    open.put(row.getString(1), row.getLong(2));
                });
        String error = ingestion.live().lastError();
        Health.Builder health = error == null ? Health.up() : Health.down().withDetail("lastError", error);
        return health.withDetail("eventsApplied", ingestion.live().applied())
                .withDetail("openProblems", open)
                .build();
    }
}
