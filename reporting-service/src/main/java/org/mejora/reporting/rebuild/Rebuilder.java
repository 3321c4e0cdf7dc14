package org.mejora.reporting.rebuild;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import com.fasterxml.jackson.core.type.TypeReference;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.reporting.ingest.Ingestion;
import org.mejora.reporting.ingest.IngestionLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every projection from the topics' beginning beside the live tables, in the schema
 * {@value #SHADOW}; when the rebuild has caught up, both stop at the same offsets, their checksums are compared, and
 * the rebuilt tables replace the live ones in one transaction, so a read sees either the old or the new tables,
 * never a half-built state.
 */
@Component
class Rebuilder {

    static final String SHADOW = "reporting_rebuild";
    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final Duration HALT_TIMEOUT = Duration.ofMinutes(10);
    /** Rows reported per table and side: enough to find the cause, bounded for the status endpoint. */
    private static final int MAX_DIFFERENCES = 100;

    private final Ingestion ingestion;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtomicReference<RebuildView> current = new AtomicReference<>();
    private final int consumers;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    Rebuilder(Ingestion ingestion, JdbcClient jdbc, TransactionTemplate transaction,
              @Value("${mejora.reporting.rebuild.consumers:2}") int consumers) {
        this.consumers = consumers;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Starts a rebuild unless one runs; returns the one that runs. */
    /** @param replaceAnyway replace the live tables even when the rebuilt ones differ (after a change of the fold) */
    synchronized RebuildView start(String requestedBy, boolean replaceAnyway) {
        RebuildView running = current.get();
        if (running != null && !running.finished()) {
            return running;
        }
        RebuildView started = RebuildView.started(UUID.randomUUID().toString(), requestedBy, Instant.now());
        current.set(started);
        Thread thread = new Thread(() -> run(started, replaceAnyway), "reporting-rebuild");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    RebuildView current() {
        return current.get();
    }

    /**
     * The outcome is published only once the rebuild's consumers have stopped and its shadow schema is gone: until
     * then a new rebuild cannot start, so one rebuild's clean-up never drops the next one's tables.
     */
    private void run(RebuildView started, boolean replaceAnyway) {
        List<IngestionLoop> loops = new ArrayList<>();
        RebuildView outcome;
        try {
            outcome = rebuild(started, loops, replaceAnyway);
        } catch (Exception e) {
            log.error("rebuild {} failed", started.id(), e);
            ingestion.live().resume();
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
            current.set(outcome);
        }
    }

    private RebuildView rebuild(RebuildView started, List<IngestionLoop> loops, boolean replaceAnyway)
            throws InterruptedException {
        List<String> tables = projectionTables();
        prepareShadow(tables);
        Map<TopicPartition, Long> beginning = offsets(true);
        Map<TopicPartition, Long> end = offsets(false);
        long total = end.keySet().stream().mapToLong(p -> end.get(p) - beginning.getOrDefault(p, 0L)).sum();
        Instant from = Instant.now();
        for (int slice = 0; slice < consumers; slice++) {
            IngestionLoop loop = ingestion.newLoop("rebuild", SHADOW, slice, consumers);
            loops.add(loop);
            Thread consumer = new Thread(loop, "reporting-rebuild-consumer-" + slice);
            consumer.setDaemon(true);
            consumer.start();
        }
        while (!caughtUp(loops, end)) {
            progress(started, loops, total, from, "RUNNING");
            Thread.sleep(250);
        }
        progress(started, loops, total, from, "SWITCHING");
        // All stop where they stand; then all go on to the furthest of the rebuild and the live projection, so
        // that both have applied exactly the same records when the checksums are taken.
        Map<TopicPartition, Long> meeting = new HashMap<>(ingestion.live().haltHere());
        loops.forEach(loop -> loop.haltHere().forEach((p, offset) -> meeting.merge(p, offset, Math::max)));
        for (IngestionLoop loop : loops) {
            if (!loop.haltAt(meeting, HALT_TIMEOUT)) {
                throw new IllegalStateException("the rebuild did not reach the meeting point within " + HALT_TIMEOUT);
            }
        }
        if (!ingestion.live().haltAt(meeting, HALT_TIMEOUT)) {
            throw new IllegalStateException("the live projection did not reach the meeting point within "
                    + HALT_TIMEOUT);
        }
        RebuildView measured = progress(started, loops, total, from, "SWITCHING");
        Map<String, String> live = checksums("public", tables);
        Map<String, String> rebuilt = checksums(SHADOW, tables);
        List<RebuildView.RowDifference> rows = new ArrayList<>();
        tables.stream().filter(table -> !live.get(table).equals(rebuilt.get(table)))
                .forEach(table -> rows.addAll(differences(table)));
        // A rebuild proves the fold deterministic only if it agrees: when it does not, the live tables stay, and the
        // rows that differ are reported, unless the operator asked for the new fold's tables.
        boolean replace = live.equals(rebuilt) || replaceAnyway;
        if (replace) {
            switchOver(tables);
        }
        ingestion.live().resume();
        log.info("rebuild {} completed: {} events at {}/s with {} consumers, checksums equal: {}, replaced: {}",
                started.id(), measured.eventsDone(), measured.eventsPerSecond(), consumers, live.equals(rebuilt),
                replace);
        return measured.completed(live, rebuilt, replace, rows, Instant.now());
    }

    private RebuildView progress(RebuildView started, List<IngestionLoop> loops, long total, Instant from,
                                 String state) {
        long done = loops.stream().mapToLong(IngestionLoop::applied).sum();
        RebuildView view = started.progressed(state, done, total, Duration.between(from, Instant.now()));
        current.set(view);
        return view;
    }

    private static boolean caughtUp(List<IngestionLoop> loops, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        loops.forEach(loop -> positions.putAll(loop.positions()));
        return end.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    /**
     * Every table the migrations created is a projection of the event topics, except Flyway's own history and the
     * archive of the producers' signed checkpoints: that one is read from the checkpoint topics by a consumer of its
     * own, and a rebuild must never replace it.
     */
    private List<String> projectionTables() {
        return jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE'
                          and table_name not in ('flyway_schema_history', 'integrity_checkpoint')
                          and table_name not like 'notification%' -- what was sent to whom: never rebuilt
                        order by table_name""")
                .query(String.class).list();
    }

    private void prepareShadow(List<String> tables) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("drop schema if exists " + SHADOW + " cascade").update();
            jdbc.sql("create schema " + SHADOW).update();
            tables.forEach(table -> jdbc.sql("create table %s.%s (like public.%s including all)"
                    .formatted(SHADOW, table, table)).update());
        });
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
