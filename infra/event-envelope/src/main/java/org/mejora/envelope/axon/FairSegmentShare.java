package org.mejora.envelope.axon;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How many segments of a pooled processor this instance may claim: its fair share among the service's instances
 * that are connected to the database now (their connections carry their {@link ServiceInstance} id). Axon's
 * coordinator asks before each claim and releases what is above the share, so a second instance that starts takes
 * over half of the first one's segments, and when one dies (its connections close) the survivor claims them all again.
 */
public final class FairSegmentShare implements MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(FairSegmentShare.class);

    private final DataSource dataSource;
    private final ServiceInstance instance;
    private final TokenStore tokens;
    private final long refreshNanos;
    private volatile long refreshedAt;
    private volatile int instances = 1;
    private volatile int segments;

    public FairSegmentShare(DataSource dataSource, ServiceInstance instance, TokenStore tokens, Duration refresh) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.tokens = tokens;
        this.refreshNanos = refresh.toNanos();
        this.refreshedAt = System.nanoTime() - refreshNanos;
    }

    @Override
    public int getMaxSegments(String processorName) {
        if (System.nanoTime() - refreshedAt >= refreshNanos) {
            refresh(processorName);
        }
        // No segments yet (a new token store): the first instance creates and claims them all.
        return segments == 0 ? Short.MAX_VALUE : share(segments, instances);
    }

    /** Segments split as evenly as they go: 2 over 2 instances is 1 each, 3 over 2 is at most 2. */
    static int share(int segments, int instances) {
        return Math.max(1, (segments + Math.max(1, instances) - 1) / Math.max(1, instances));
    }

    private void refresh(String processorName) {
        try {
            int previous = instances;
            instances = Math.max(1, connectedInstances());
            segments = tokens.fetchSegments(processorName).length;
            if (previous != instances) {
                log.info("{}: {} instances of the service connected, claiming at most {} of {} segments of {}",
                        instance.id(), instances, share(segments, instances), segments, processorName);
            }
        } catch (SQLException | RuntimeException e) {
            // The database is away: keep the last share; the claims fail anyway until it is back.
            log.debug("cannot count the service's instances: {}", e.toString());
        }
        refreshedAt = System.nanoTime();
    }

    private int connectedInstances() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("""
                     select count(distinct application_name) from pg_stat_activity
                     where datname = current_database() and application_name like ?""")) {
            count.setString(1, instance.everyInstance());
            try (ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 1;
            }
        }
    }
}
