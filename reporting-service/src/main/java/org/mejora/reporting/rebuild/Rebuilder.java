package org.mejora.reporting.rebuild;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import com.fasterxml.jackson.core.type.TypeReference;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.reporting.ingest.EventApplier;
import org.mejora.reporting.ingest.Ingestion;
import org.mejora.reporting.ingest.IngestionLoop;
import org.mejora.reporting.web.ReportProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every projection from the topics' beginning beside the live tables, in the schema
 * {@value #SHADOW}; when the rebuild has caught up, both stand at the same offsets, their checksums are compared, and
 * the rebuilt tables replace the live ones in one transaction, so a read sees either the old or the new tables,
 * never a half-built state.
 *
 * <p>With several instances on one database: one rebuild runs at a time across all of them (a session advisory lock
 * held by the instance that runs it; a request to any other answers 409). The rebuild never reads past the offsets
 * the live tables record, and while it compares and replaces them it holds the lock every live batch of every
 * instance shares ({@link EventApplier#SWITCH_LOCK}): the live tables stand still at exactly the rebuild's offsets,
 * and each instance's live consumer goes on in the replaced tables from the same offsets. Its progress is kept in
 * {@code rebuild_status}, so that every instance answers for it.
 */
@Component
class Rebuilder {

    static final String SHADOW = "reporting_rebuild";
    /** Held for the whole rebuild by the instance that runs it. */
    static final long REBUILD_LOCK = 0x6d656a6f72610002L;
    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final Duration HALT_TIMEOUT = Duration.ofMinutes(10);
    /** Rows reported per table and side: enough to find the cause, bounded for the status endpoint. */
    private static final int MAX_DIFFERENCES = 100;
    /** Tables the applier only inserts into (never {@code on conflict}): their keys can wait for the end. */
    private static final Set<String> INSERT_ONLY = Set.of("history_entry");

    private final Ingestion ingestion;
    private final EventApplier applier;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtomicReference<RebuildView> current = new AtomicReference<>();
    private final int consumers;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private volatile long published;

    Rebuilder(Ingestion ingestion, EventApplier applier, DataSource dataSource, JdbcClient jdbc,
              TransactionTemplate transaction, @Value("${mejora.reporting.rebuild.consumers:2}") int consumers) {
        this.consumers = consumers;
        this.ingestion = ingestion;
        this.applier = applier;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Starts a rebuild.
     *
     * @param replaceAnyway replace the live tables even when the rebuilt ones differ (after a change of the fold)
     * @throws ReportProblem 409 when a rebuild runs, on this instance or another
     */
    synchronized RebuildView start(String requestedBy, boolean replaceAnyway) {
        Connection lock = lock();
        RebuildView started = RebuildView.started(UUID.randomUUID().toString(), requestedBy, Instant.now());
        publish(started);
        Thread thread = new Thread(() -> run(started, replaceAnyway, lock), "reporting-rebuild");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** A connection holding the rebuild lock, for as long as the rebuild runs (it dies with the instance). */
    private Connection lock() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement attempt = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                connection.setAutoCommit(true);
                attempt.setLong(1, REBUILD_LOCK);
                try (ResultSet locked = attempt.executeQuery()) {
                    locked.next();
                    if (locked.getBoolean(1)) {
                        return connection;
                    }
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("the rebuild lock could not be taken", e);
        }
        throw new ReportProblem(HttpStatus.CONFLICT, "rebuild-running");
    }

    private static void advisory(Connection connection, String function, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, key);
            statement.executeQuery().close();
        }
    }

    /** The rebuild running or run last, on this instance or another. */
    RebuildView current() {
        RebuildView here = current.get();
        if (here != null && !here.finished()) {
            return here;
        }
        return jdbc.sql("select view::text from rebuild_status where id = 'latest'").query(String.class).optional()
                .map(this::readView).orElse(here);
    }

    private RebuildView readView(String json) {
        try {
            return codec.mapper().readValue(json, RebuildView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish(RebuildView view) {
        current.set(view);
        try {
            jdbc.sql("""
                            insert into rebuild_status (id, view, updated_at) values ('latest', cast(? as jsonb), now())
                            on conflict (id) do update set view = excluded.view, updated_at = excluded.updated_at""")
                    .param(codec.mapper().writeValueAsString(view)).update();
        } catch (IOException | RuntimeException e) {
            log.warn("the rebuild's progress could not be recorded", e);
        }
    }

    /**
     * The outcome is published only once the rebuild's consumers have stopped, its shadow schema is gone and its lock
     * released: until then a new rebuild cannot start, so one rebuild's clean-up never drops the next one's tables.
     */
    private void run(RebuildView started, boolean replaceAnyway, Connection lock) {
        List<IngestionLoop> loops = new ArrayList<>();
        RebuildView outcome;
        try {
            outcome = rebuild(started, loops, replaceAnyway, lock);
        } catch (Exception e) {
            log.error("rebuild {} failed", started.id(), e);
            outcome = current.get().failed(e.toString(), Instant.now());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            loops.forEach(Rebuilder::stopQuietly);
            jdbc.sql("drop schema if exists " + SHADOW + " cascade").update();
        } catch (RuntimeException e) {
            log.error("rebuild {}: the shadow schema {} could not be dropped", started.id(), SHADOW, e);
        } finally {
            // Session locks outlive a connection returned to the pool: released before it goes back.
            try (lock; PreparedStatement unlock = lock.prepareStatement("select pg_advisory_unlock_all()")) {
                unlock.executeQuery().close();
            } catch (SQLException e) {
                log.warn("rebuild {}: closing its lock's connection", started.id(), e);
            }
            publish(outcome);
        }
    }

    private RebuildView rebuild(RebuildView started, List<IngestionLoop> loops, boolean replaceAnyway, Connection lock)
            throws InterruptedException, SQLException {
        List<String> tables = projectionTables();
        List<String> deferredIndexes = prepareShadow(tables);
        Map<TopicPartition, Long> beginning = offsets(true);
        Map<TopicPartition, Long> end = offsets(false);
        long total = end.keySet().stream().mapToLong(p -> end.get(p) - beginning.getOrDefault(p, 0L)).sum();
        Instant from = Instant.now();
        for (int slice = 0; slice < consumers; slice++) {
            IngestionLoop loop = ingestion.newLoop("rebuild", SHADOW, slice, consumers);
            loop.limit(live(beginning));
            loops.add(loop);
            Thread consumer = new Thread(loop, "reporting-rebuild-consumer-" + slice);
            consumer.setDaemon(true);
            consumer.start();
        }
        long refreshed = 0;
        while (!caughtUp(loops, end)) {
            progress(started, loops, total, from, "RUNNING");
            Thread.sleep(100);
            // Never past the live tables' offsets, so that the live tables can stand still where the rebuild stands.
            if (System.nanoTime() - refreshed > 500_000_000L) {
                Map<TopicPartition, Long> live = live(beginning);
                loops.forEach(loop -> loop.limit(live));
                refreshed = System.nanoTime();
            }
        }
        progress(started, loops, total, from, "INDEXING");
        // The rebuild's consumers wait on the table locks meanwhile; the live projection goes on.
        deferredIndexes.forEach(statement -> jdbc.sql(statement).update());
        progress(started, loops, total, from, "SWITCHING");
        // Every instance's live batches wait from here: the live tables stand still at their offsets, the rebuild
        // goes on to exactly those, and both sides have applied the same records when the checksums are taken.
        advisory(lock, "pg_advisory_lock", EventApplier.SWITCH_LOCK);
        try {
            // Never beyond the topics' end: live offsets past it were recorded from another broker's topics (the
            // checksums then differ, and the live tables stay unless replaced anyway).
            Map<TopicPartition, Long> now = offsets(false);
            Map<TopicPartition, Long> meeting = new HashMap<>();
            live(beginning).forEach((partition, offset) -> meeting.put(partition,
                    Math.min(offset, now.getOrDefault(partition, offset))));
            for (IngestionLoop loop : loops) {
                if (!loop.haltAt(meeting, HALT_TIMEOUT)) {
                    throw new IllegalStateException("the rebuild did not reach the live offsets within "
                            + HALT_TIMEOUT);
                }
            }
            RebuildView measured = progress(started, loops, total, from, "SWITCHING");
            Map<String, String> live = checksums("public", tables);
            Map<String, String> rebuilt = checksums(SHADOW, tables);
            List<RebuildView.RowDifference> rows = new ArrayList<>();
            tables.stream().filter(table -> !live.get(table).equals(rebuilt.get(table)))
                    .forEach(table -> rows.addAll(differences(table)));
            // A rebuild proves the fold deterministic only if it agrees: when it does not, the live tables stay, and
            // the rows that differ are reported, unless the operator asked for the new fold's tables.
            boolean replace = live.equals(rebuilt) || replaceAnyway;
            if (replace) {
                switchOver(tables);
            }
            log.info("rebuild {} completed: {} events at {}/s with {} consumers, checksums equal: {}, replaced: {}",
                    started.id(), measured.eventsDone(), measured.eventsPerSecond(), consumers, live.equals(rebuilt),
                    replace);
            return measured.completed(live, rebuilt, replace, rows, Instant.now());
        } finally {
            advisory(lock, "pg_advisory_unlock", EventApplier.SWITCH_LOCK);
        }
    }

    /** Where the live tables stand in every partition (the beginning where they have applied nothing). */
    private Map<TopicPartition, Long> live(Map<TopicPartition, Long> beginning) {
        Map<TopicPartition, Long> recorded = applier.positions(null);
        Map<TopicPartition, Long> live = new HashMap<>();
        beginning.forEach((partition, first) -> live.put(partition, recorded.getOrDefault(partition, first)));
        return live;
    }

    private RebuildView progress(RebuildView started, List<IngestionLoop> loops, long total, Instant from,
                                 String state) {
        long done = loops.stream().mapToLong(IngestionLoop::applied).sum();
        RebuildView view = started.progressed(state, done, total, Duration.between(from, Instant.now()));
        current.set(view);
        if (System.nanoTime() - published > 1_000_000_000L || !state.equals("RUNNING")) {
            publish(view);
            published = System.nanoTime();
        }
        return view;
    }

    private static boolean caughtUp(List<IngestionLoop> loops, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        loops.forEach(loop -> positions.putAll(loop.positions()));
        return end.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    /**
     * Every table the migrations created is a projection of the event topics, except Flyway's own history, the
     * rebuilds' own status and the archive of the producers' signed checkpoints: that one is read from the checkpoint
     * topics by a consumer of its own, and a rebuild must never replace it.
     */
    private List<String> projectionTables() {
        return jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE'
                          and table_name not in ('flyway_schema_history', 'integrity_checkpoint', 'rebuild_status')
                          and table_name not like 'notification%' -- what was sent to whom: never rebuilt
                        order by table_name""")
                .query(String.class).list();
    }

    /**
     * Empty copies of the live tables. Their indexes are built once the rows are in (one sort instead of a million
     * random insertions), except those the fold's upserts need as it goes: the primary keys and unique constraints
     * of every table the applier writes with {@code on conflict}. The history is only ever inserted into, so even its
     * keys wait; the applier's dedupe and sequence checks keep them unique meanwhile, and building them proves it.
     *
     * @return the statements that build the deferred indexes
     */
    private List<String> prepareShadow(List<String> tables) {
        List<String> deferred = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("drop schema if exists " + SHADOW + " cascade").update();
            jdbc.sql("create schema " + SHADOW).update();
            for (String table : tables) {
                jdbc.sql("create table %s.%s (like public.%s including all excluding indexes)"
                        .formatted(SHADOW, table, table)).update();
                List<String> constraints = jdbc.sql("""
                                select 'alter table %s.%s add constraint ' || quote_ident(c.conname) || ' '
                                       || pg_get_constraintdef(c.oid)
                                from pg_constraint c
                                where c.conrelid = cast(? as regclass) and c.contype in ('p', 'u')
                                order by c.contype, c.conname""".formatted(SHADOW, table))
                        .param("public." + table).query(String.class).list();
                if (INSERT_ONLY.contains(table)) {
                    deferred.addAll(constraints);
                } else {
                    constraints.forEach(statement -> jdbc.sql(statement).update());
                }
                jdbc.sql("""
                                select pg_get_indexdef(i.indexrelid)
                                from pg_index i
                                where i.indrelid = cast(? as regclass)
                                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                                order by i.indexrelid""")
                        .param("public." + table).query(String.class).list().forEach(definition -> deferred.add(
                                definition.replaceFirst(" ON (public\\.)?" + table + " ", " ON " + SHADOW + "." + table
                                        + " ")));
            }
        });
        return deferred;
    }

    /** The first rows that only the live table or only the rebuilt one holds, by their primary key. */
    private List<RebuildView.RowDifference> differences(String table) {
        List<String> key = jdbc.sql("""
                        select a.attname from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                        where i.indrelid = cast(? as regclass) and i.indisprimary
                        order by array_position(cast(i.indkey as int2[]), a.attnum)""")
                .param("public." + table).query(String.class).list();
        String keyOf = key.isEmpty() ? "to_jsonb(t)" : "jsonb_build_object(" + String.join(", ",
                key.stream().map(column -> "'" + column + "', t." + column).toList()) + ")";
        String rows = "select (" + keyOf + ")::text from (select * from %s.%s except all select * from %s.%s) t "
                + "limit " + MAX_DIFFERENCES;
        List<RebuildView.RowDifference> differences = new ArrayList<>();
        jdbc.sql(rows.formatted("public", table, SHADOW, table)).query(String.class).list()
                .forEach(k -> differences.add(new RebuildView.RowDifference(table, keyMap(k), "live")));
        jdbc.sql(rows.formatted(SHADOW, table, "public", table)).query(String.class).list()
                .forEach(k -> differences.add(new RebuildView.RowDifference(table, keyMap(k), "rebuilt")));
        log.warn("{} differs: {}", table, differences);
        return differences;
    }

    private Map<String, Object> keyMap(String json) {
        try {
            return codec.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered hash of each table's rows: equal contents give equal checksums whatever the physical order. */
    private Map<String, String> checksums(String schema, List<String> tables) {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : tables) {
            checksums.put(table, jdbc.sql("""
                            select coalesce(md5(string_agg(row_hash, '' order by row_hash)), md5(''))
                            from (select md5(t::text) as row_hash from %s.%s t) rows""".formatted(schema, table))
                    .query(String.class).single());
        }
        return checksums;
    }

    private void switchOver(List<String> tables) {
        transaction.executeWithoutResult(status -> tables.forEach(table -> {
            jdbc.sql("drop table public." + table).update();
            jdbc.sql("alter table %s.%s set schema public".formatted(SHADOW, table)).update();
        }));
    }

    private Map<TopicPartition, Long> offsets(boolean beginning) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ingestion.consumerProperties("rebuild-admin"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Ingestion.TOPICS.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            return beginning ? consumer.beginningOffsets(partitions) : consumer.endOffsets(partitions);
        }
    }

    private static void stopQuietly(IngestionLoop loop) {
        if (loop == null) {
            return;
        }
        try {
            if (!loop.stop()) {
                log.warn("a rebuild consumer did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
