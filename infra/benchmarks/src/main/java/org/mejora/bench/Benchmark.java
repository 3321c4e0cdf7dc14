package org.mejora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How fast Mejora writes, propagates and rebuilds, against baselines measured in the same run on the same machine.
 * Started by {@code infra/bench.sh [--quick|--full]}, which brings up an isolated system (own Kafka broker, the
 * {@code _bench} databases) and passes its settings in the environment. Prints figures; never fails for being slow.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITE = "Write path";
    private static final String FRESHNESS = "Freshness";
    private static final String REBUILD = "Rebuild";
    private static final String AUDIT = "Audit reads";
    private static final String BASELINE = "Baselines";
    private static final String MEMORY = "Resident memory";
    private static final String SCREENS = "Screens";

    private final Config config;
    private final Results results = new Results();
    private final Targets targets;
    private final Processes processes;
    private final Endpoints endpoints;
    private final KafkaFigures kafka;
    private final Database database;
    private final SyntheticEvents synthetic = new SyntheticEvents(Instant.now().minus(Duration.ofDays(30)));
    private double plainConsumerRate = Double.NaN;
    private long deadline;

    private Benchmark(Config config) throws Exception {
        this.config = config;
        this.targets = new Targets(config, 48);
        this.processes = new Processes(config);
        this.endpoints = Endpoints.discover(targets, config);
        this.kafka = new KafkaFigures(config.kafkaBootstrap());
        this.database = new Database(config);
    }

    public static void main(String[] args) throws Exception {
        String mode = List.of(args).contains("--quick") ? "quick" : List.of(args).contains("--full") ? "full" : "default";
        Benchmark benchmark = new Benchmark(Config.from(mode, System.getenv()));
        benchmark.run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        deadline = System.nanoTime() + Duration.ofSeconds(config.budgetSeconds()).toNanos();
        describeMachine(started);
        processes.recordRest();
        processes.startSampling();
        phase(WRITE, this::writePath);
        phase(PlanSizeScale.SECTION, () -> new PlanSizeScale(config, targets, results).run());
        phase(BASELINE, this::baselines);
        phase(REBUILD, this::rebuilds);
        phase(AUDIT, this::auditReads);
        phase(SCREENS, this::screens);
        processes.stopSampling();
        memory();
        results.header("Run took " + Duration.between(started, Instant.now()).toSeconds() + " s.");
        String stem = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        results.write(config.resultsDir(), stem);
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("[bench] written: " + config.resultsDir().resolve(stem + ".md") + " and .csv");
    }

    private interface Phase {
        void run() throws Exception;
    }

    // One failing phase leaves a row saying why and lets the others run: the figures of a partial run still count.
    private void phase(String section, Phase phase) {
        // MEJORA_BENCH_PHASES (e.g. "rebuild" or "write path,baselines") runs only those sections, for work on one.
        String only = System.getenv("MEJORA_BENCH_PHASES");
        if (only != null && !only.isBlank() && List.of(only.toLowerCase(Locale.ROOT).split("\\s*,\\s*"))
                .stream().noneMatch(section.toLowerCase(Locale.ROOT)::equals)) {
            return;
        }
        System.out.println("[bench] --- " + section);
        try {
            phase.run();
        } catch (Exception e) {
            results.notMeasured(section, "(phase)", "failed: " + e);
            e.printStackTrace();
        }
    }

    private void describeMachine(Instant started) throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        results.header("Started " + started + " in mode **" + config.mode() + "**"
                + (System.getenv("MEJORA_BENCH_COMMIT") == null ? "" : " at commit " + System.getenv("MEJORA_BENCH_COMMIT")));
        results.header("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + model + "), "
                + String.format(Locale.ROOT, "%.1f GiB", memKib / 1024.0 / 1024.0) + " RAM; load average at start "
                + load + " (figures taken while other work runs are disturbed by it); Java "
                + System.getProperty("java.version"));
        results.header("Write path: " + config.concurrency() + " client threads, " + config.secondsPerLevel()
                + " s per level and target; rebuilds at " + config.rebuildSizes() + " events"
                + (config.mode().equals("full") ? "" : " (1M events: infra/bench.sh --full)") + ".");
        results.header("Ratio = value / baseline: for rates below 1 is slower than the baseline; for latencies and "
                + "memory above 1 is more than the baseline.");
    }

    // ---------------------------------------------------------------- screens

    /** Server-side render of the plan-life pages through the gateway, at the demo's size and at 1,000 actions. */
    private void screens() throws Exception {
        ScreenTimings screens = new ScreenTimings(config, targets);
        screens.signIn();
        int samples = config.mode().equals("quick") ? 20 : 60;
        String small = screens.plan(3, 3);
        String smallAction = screens.firstAction(small);
        for (Map.Entry<String, String> page : ScreenTimings.pagesOf(small, smallAction).entrySet()) {
            screenRow(screens, page.getKey().replace(small, "{demo plan}").replace(smallAction, "{action}"),
                    page.getKey(), page.getValue(), samples, "target p95 ≤ 150 ms");
        }
        int big = config.mode().equals("quick") ? 200 : 1000;
        String large = screens.plan(big / 20, 20);
        screenRow(screens, "/plans/{plan of " + big + " actions}", "/plans/" + large, "/api/plans/" + large,
                Math.max(10, samples / 3), "target p95 ≤ 400 ms at 1,000 actions");
    }

    private void screenRow(ScreenTimings screens, String name, String page, String api, int samples, String target)
            throws Exception {
        Histogram rendered = screens.page(page, samples);
        Histogram called = screens.apiCall(api, samples);
        for (double percentile : new double[]{50, 95}) {
            results.add(SCREENS, "GET " + name + " p" + (int) percentile, ms(rendered, percentile), "ms",
                    "its API call p" + (int) percentile, ms(called, percentile),
                    samples + " samples; " + target);
        }
    }

    // ---------------------------------------------------------------- write path and freshness

    private void writePath() throws Exception {
        List<String> absent = new ArrayList<>();
        List<WriteMix.Life> lives = new ArrayList<>();
        for (WriteMix.Life life : List.of(WriteMix.PLAN_LIFE, WriteMix.EVALUATION_LIFE)) {
            WriteMix.Life offered = WriteMix.offered(endpoints, life, absent);
            if (!offered.steps().isEmpty()) {
                lives.add(offered);
                results.header("Write mix, " + life.name() + " walks (taken in turn with the others): "
                        + offered.steps().stream().map(WriteMix.Step::name).collect(Collectors.joining(", ")) + ".");
            }
        }
        absent.forEach(step -> results.notMeasured(WRITE, "step " + step, "endpoint absent"));
        if (lives.isEmpty()) {
            return;
        }
        WriteMix mix = new WriteMix(lives);
        Duration warmup = Duration.ofSeconds(config.warmupSeconds());
        mix.run(targets.direct(), 2, warmup, null);
        mix.run(targets.gateway(), 2, warmup, null);
        String history = historyPath("plans");
        Freshness freshness = history == null ? null
                : new Freshness(targets.direct(), history, new KafkaWatch(config.kafkaBootstrap()));
        if (freshness == null) {
            results.notMeasured(FRESHNESS, "command acknowledged → visible in reporting", "history endpoint absent");
        }
        Duration each = Duration.ofSeconds(config.secondsPerLevel());
        WriteMix.Load busiest = null;
        for (int threads : config.concurrency()) {
            WriteMix.Load direct = mix.run(targets.direct(), threads, each, null);
            if (freshness != null) {
                freshness.drain();
                freshness.missedAndReset();
            }
            WriteMix.Load gateway = mix.run(targets.gateway(), threads, each, freshness);
            String level = " @" + threads + " client" + (threads == 1 ? "" : "s");
            results.add(WRITE, "commands/s direct to services" + level, direct.perSecond(), "cmd/s",
                    errors(direct));
            results.add(WRITE, "commands/s through gateway" + level, gateway.perSecond(), "cmd/s",
                    "direct to services", direct.perSecond(), errors(gateway));
            for (double percentile : new double[]{50, 95, 99}) {
                results.add(WRITE, "latency p" + (int) percentile + " through gateway" + level,
                        ms(gateway.latencyMicros(), percentile), "ms", "direct p" + (int) percentile,
                        ms(direct.latencyMicros(), percentile), "");
            }
            if (freshness != null) {
                Freshness.Figures fresh = freshness.drain();
                long missed = freshness.missedAndReset();
                String failure = freshness.failureAndReset();
                String note = fresh.total().getTotalCount() + " samples"
                        + (missed > 0 ? ", " + missed + " not visible in 30 s or failed" : "")
                        + (failure != null ? " (last failure: " + failure + ")" : "");
                for (double percentile : new double[]{50, 95, 99}) {
                    results.add(FRESHNESS, "ack → visible in reporting p" + (int) percentile + level,
                            percentile(fresh.total(), percentile), "ms",
                            "command latency p" + (int) percentile, ms(gateway.latencyMicros(), percentile), note);
                }
                for (double percentile : new double[]{50, 99}) {
                    results.add(FRESHNESS, "  of which ack → on Kafka p" + (int) percentile + level,
                            percentile(fresh.toKafka(), percentile), "ms", "ack → visible p" + (int) percentile,
                            percentile(fresh.total(), percentile), "plan-service's forwarding");
                    results.add(FRESHNESS, "  of which on Kafka → visible p" + (int) percentile + level,
                            percentile(fresh.fromKafka(), percentile), "ms", "ack → visible p" + (int) percentile,
                            percentile(fresh.total(), percentile), "reporting's ingestion");
                }
            }
            busiest = gateway;
        }
        if (freshness != null) {
            freshness.close();
        }
        profileWrites(mix);
        if (busiest != null) {
            results.finding("Per step through the gateway at " + busiest.threads() + " clients (p50 / p99 ms): "
                    + busiest.byStep().entrySet().stream()
                    .filter(e -> e.getValue().getTotalCount() > 0)
                    .sorted(Comparator.comparingDouble(e -> -e.getValue().getValueAtPercentile(50)))
                    .map(e -> e.getKey() + " " + Results.number(e.getValue().getValueAtPercentile(50) / 1000.0)
                            + " / " + Results.number(e.getValue().getValueAtPercentile(99) / 1000.0))
                    .collect(Collectors.joining("; ")) + ".");
        }
    }

    /** An extra, unrecorded run at the highest level with the gateway and plan-service profiled: where time goes. */
    private void profileWrites(WriteMix mix) throws Exception {
        int threads = config.concurrency().get(config.concurrency().size() - 1);
        JfrProfile gateway = JfrProfile.start(config.pidDir().resolve("gateway.pid"), recording("gateway-mix"),
                name -> true);
        JfrProfile plan = JfrProfile.start(config.pidDir().resolve("plan.pid"), recording("plan-mix"), name -> true);
        mix.run(targets.gateway(), threads, Duration.ofSeconds(Math.max(10, config.secondsPerLevel() / 2)), null);
        for (var sampled : List.of(Map.entry("the gateway", Optional.ofNullable(gateway)),
                Map.entry("plan-service", Optional.ofNullable(plan)))) {
            if (sampled.getValue().isPresent()) {
                sampled.getValue().get().close();
                results.finding("JFR profile of " + sampled.getKey() + " under the mix at " + threads
                        + " clients through the gateway: " + sampled.getValue().get().summary(5) + ".");
            }
        }
    }

    /** Where a JFR recording of this run goes (beside the bench's state, not committed). */
    private Path recording(String name) {
        return config.pidDir().getParent().resolve("jfr").resolve(name + ".jfr");
    }

    private static double percentile(Histogram millis, double percentile) {
        return millis.getTotalCount() == 0 ? Double.NaN : millis.getValueAtPercentile(percentile);
    }

    private static String errors(WriteMix.Load load) {
        if (load.errors().isEmpty()) {
            return load.commands() + " commands, no errors";
        }
        return load.commands() + " commands; errors: " + load.errors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The concrete history path of a kind (plans, actions) with an {@code {id}} placeholder, or null. */
    private String historyPath(String kind) {
        if (endpoints.has("GET", "/api/reports/history/{kind}/{id}")) {
            return "/api/reports/history/" + kind + "/{id}";
        }
        if (kind.equals("plans") && endpoints.has("GET", "/api/reports/plans/{planId}/history")) {
            return "/api/reports/plans/{id}/history";
        }
        return null;
    }

    // ---------------------------------------------------------------- baselines

    private void baselines() throws Exception {
        long records = config.rebuildSizes().get(0);
        int recordSize = averageEnvelopeSize();
        kafka.recreateScratch();
        KafkaFigures.Rate producer = kafka.producerPerformance(config.kafkaLibs(), records, recordSize);
        results.add(BASELINE, "Kafka ProducerPerformance (" + records + " × " + recordSize + " B, acks=all)",
                producer.perSecond(), "records/s", producer.detail());
        KafkaFigures.Rate consumer = kafka.consumerPerformance(config.kafkaLibs(), records);
        results.add(BASELINE, "Kafka ConsumerPerformance (" + records + " records)", consumer.perSecond(),
                "records/s", consumer.detail());
        // The JDBC batch insert is measured at every rebuild size, beside that rebuild.
    }

    private int averageEnvelopeSize() {
        org.mejora.envelope.EnvelopeCodec codec = new org.mejora.envelope.EnvelopeCodec();
        int bytes = 0;
        var plan = new SyntheticEvents(Instant.now()).plan(0);
        for (var envelope : plan) {
            bytes += codec.write(envelope).length;
        }
        return bytes / plan.length;
    }

    // ---------------------------------------------------------------- rebuild

    /**
     * At each size (total events on both topics) the synthetic events that bring the topics there, the live
     * projection's catch-up, the baselines (a plain consumer, the same with envelope decoding, a JDBC batch insert of
     * as many rows) and a full rebuild; then a table of the rebuild's cost per event against the size.
     */
    private void rebuilds() throws Exception {
        double catchUpRate = Double.NaN;
        double rebuildRate = Double.NaN;
        List<List<String>> scale = new ArrayList<>();
        for (int planned : config.rebuildSizes()) {
            long before = kafka.total(KafkaFigures.TOPICS);
            long size = fitting(planned, before, catchUpRate, rebuildRate);
            if (size <= before) {
                continue;
            }
            String label = String.format(Locale.ROOT, "%,d events", size);
            long start = System.nanoTime();
            long written = synthetic.produce(config.kafkaBootstrap(), size - before);
            double produceSeconds = (System.nanoTime() - start) / 1e9;
            results.add(REBUILD, "synthetic envelopes written to the bench broker (to " + label + ")",
                    written / produceSeconds, "events/s", String.format(Locale.ROOT, "%,d events in %.1f s, "
                            + "interleaved over %,d walks at once, both topics", written, produceSeconds,
                            SyntheticEvents.CONCURRENT_WALKS));
            catchUpRate = catchUp(label, start, written);
            KafkaFigures.Rate raw = kafka.plainConsume(KafkaFigures.TOPICS, false);
            plainConsumerRate = raw.perSecond();
            results.add(REBUILD, "plain KafkaConsumer reads both topics from the start (" + label + ")",
                    raw.perSecond(), "events/s", raw.detail());
            KafkaFigures.Rate decoded = kafka.plainConsume(KafkaFigures.TOPICS, true);
            results.add(REBUILD, "plain KafkaConsumer + envelope JSON decode (" + label + ")", decoded.perSecond(),
                    "events/s", "plain consumer", raw.perSecond(), decoded.detail());
            long events = kafka.total(KafkaFigures.TOPICS);
            double insert = database.batchInsertRate(events);
            results.add(REBUILD, "PostgreSQL JDBC batch insert (" + label + " as rows, jsonb, 1000/commit)", insert,
                    "rows/s", "scratch table in reporting_bench, dropped after");
            // The largest size is profiled: the steady state, not the start-up of the consumers.
            boolean profiled = planned == config.rebuildSizes().get(config.rebuildSizes().size() - 1);
            JfrProfile profile = profiled ? JfrProfile.start(config.pidDir().resolve("reporting.pid"),
                    recording("reporting-rebuild-" + size), name -> name.startsWith("reporting-rebuild")) : null;
            rebuildRate = projectionRebuild(label, insert, profile != null);
            if (profile != null) {
                profile.close();
                results.finding("JFR profile of reporting-service's rebuild threads during the rebuild at " + label
                        + ": " + profile.summary(6) + ".");
            }
            scale.add(List.of(String.format(Locale.ROOT, "%,d", events), Results.number(rebuildRate),
                    Double.isNaN(rebuildRate) ? "–" : Results.number(1e6 / rebuildRate),
                    Results.number(insert), ratio(rebuildRate, insert), Results.number(raw.perSecond()),
                    ratio(rebuildRate, raw.perSecond())));
        }
        if (!scale.isEmpty()) {
            results.table("Rebuild against total events (baselines from the same run, same size)",
                    List.of("events on the topics", "rebuild events/s", "µs per event", "JDBC batch insert rows/s",
                            "rebuild / batch insert", "plain consumer events/s", "rebuild / plain consumer"), scale);
        }
        long unreadable = database.unreadable();
        if (unreadable > 0) {
            results.finding(unreadable + " records are in reporting's unreadable_record: the synthetic payloads no "
                    + "longer match the api modules, so part of the rebuild skipped work a real event would do.");
        }
    }

    private static String ratio(double value, double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0 ? "–"
                : String.format(Locale.ROOT, "%.2f", value / baseline);
    }

    /**
     * The planned size, or a smaller one (whole 10k) that still fits the time budget at the rates measured so far;
     * {@code existing} or less when none does. Either way the output says so.
     */
    private long fitting(long planned, long existing, double catchUpRate, double rebuildRate) {
        if (Double.isNaN(catchUpRate) || Double.isNaN(rebuildRate) || Double.isNaN(plainConsumerRate)) {
            return planned;
        }
        double perEvent = 1 / rebuildRate + 2 / plainConsumerRate;
        double left = (deadline - System.nanoTime()) / 1e9 - 30;
        double needed = (planned - existing) / catchUpRate + planned * perEvent;
        if (needed <= left) {
            return planned;
        }
        long fits = (long) ((left + existing / catchUpRate) / (1 / catchUpRate + perEvent)) / 10_000 * 10_000;
        String why = String.format(Locale.ROOT, "%,d events would need ~%.0f s at the rates measured so far; %.0f s "
                + "of the %d s budget are left", planned, needed, Math.max(0, left), config.budgetSeconds());
        if (fits <= existing + 10_000) {
            results.notMeasured(REBUILD, String.format(Locale.ROOT, "full projection rebuild (%,d events)", planned),
                    why);
            return existing;
        }
        results.finding(String.format(Locale.ROOT, "The rebuild at %,d events was reduced to %,d: %s.", planned, fits,
                why));
        return fits;
    }

    /** The live projection consumes what was just written: the time until it has all of it is its rate. */
    private double catchUp(String label, long startNanos, long written) throws Exception {
        long target = kafka.total(KafkaFigures.TOPICS);
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long ingested = database.ingestedOffsets();
        while (ingested < target && System.nanoTime() < deadline) {
            Thread.sleep(250);
            ingested = database.ingestedOffsets();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (ingested < target) {
            results.add(REBUILD, "live projection catch-up (" + label + ")", Double.NaN, "events/s",
                    "not caught up in 15 min: " + ingested + " of " + target);
            return Double.NaN;
        }
        results.add(REBUILD, "live projection catch-up after a burst (" + label + ")", written / seconds, "events/s",
                String.format(Locale.ROOT, "%,d new events applied %.1f s after the burst began", written, seconds));
        return written / seconds;
    }

    /** Events per second of a rebuild through reporting-service's admin endpoint; NaN when not measured. */
    private double projectionRebuild(String label, double batchInsertRate, boolean profiled) throws Exception {
        if (!endpoints.has("POST", "/api/reports/rebuilds")) {
            results.notMeasured(REBUILD, "full projection rebuild (" + label + ")", "endpoint absent");
            return Double.NaN;
        }
        VerifiedUser admin = WriteMix.user("bench-admin", "Administrador de la plataforma",
                Role.PLATFORM_ADMIN, "bench-institution-0");
        Targets.Target reporting = targets.direct();
        long start = System.nanoTime();
        HttpResponse<String> started = reporting.send("POST", "/api/reports/rebuilds", null, admin);
        if (started.statusCode() / 100 != 2) {
            results.notMeasured(REBUILD, "full projection rebuild (" + label + ")",
                    "POST /api/reports/rebuilds answered " + started.statusCode() + ": " + started.body());
            return Double.NaN;
        }
        String startedId = JSON.readTree(started.body()).path("id").asText();
        JsonNode current = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            HttpResponse<String> polled = reporting.send("GET", "/api/reports/rebuilds/current", null, admin);
            if (polled.statusCode() == 200) {
                current = JSON.readTree(polled.body());
                String state = current.path("state").asText();
                if (current.path("id").asText().equals(startedId)
                        && (state.equals("COMPLETED") || state.equals("FAILED"))) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (current == null || !current.path("state").asText().equals("COMPLETED")) {
            results.add(REBUILD, "full projection rebuild (" + label + ")", Double.NaN, "events/s",
                    "did not complete: " + (current == null ? "no progress" : current.toString()));
            return Double.NaN;
        }
        long events = current.path("eventsTotal").asLong();
        results.add(REBUILD, "full projection rebuild (" + label + ")", events / seconds, "events/s",
                "JDBC batch insert of as many rows", batchInsertRate,
                String.format(Locale.ROOT, "%,d events in %.1f s wall (%.2f× the plain consumer's %s events/s); "
                                + "service reports %s events/s; checksums equal: %s%s",
                        events, seconds, events / seconds / plainConsumerRate, Results.number(plainConsumerRate),
                        current.path("eventsPerSecond").asText(), current.path("checksumsEqual").asText(),
                        profiled ? "; JFR-profiled while it ran" : ""));
        return events / seconds;
    }

    // ---------------------------------------------------------------- audit reads

    private void auditReads() throws Exception {
        SyntheticEvents.Sample sample = synthetic.sample();
        String label = String.format(Locale.ROOT, " (%,d events)", kafka.total(KafkaFigures.TOPICS));
        if (sample == null) {
            results.notMeasured(AUDIT, "action history", "no synthetic events were written");
            return;
        }
        String actionHistory = historyPath("actions");
        if (actionHistory == null) {
            results.notMeasured(AUDIT, "action history" + label, "endpoint absent");
        } else {
            String path = actionHistory.replace("{id}", sample.actionId());
            Histogram floor = database.historyQuery("Action", sample.actionId(), config.auditReads());
            Histogram direct = reads(targets.direct(), path, sample, false);
            Histogram gateway = reads(targets.gateway(), path, sample, true);
            for (double percentile : new double[]{50, 95, 99}) {
                results.add(AUDIT, "action history p" + (int) percentile + " direct" + label, ms(direct, percentile),
                        "ms", "same query on PostgreSQL", ms(floor, percentile), config.auditReads() + " reads");
                results.add(AUDIT, "action history p" + (int) percentile + " through gateway" + label,
                        ms(gateway, percentile), "ms", "direct", ms(direct, percentile), "");
            }
        }
        if (!endpoints.has("GET", "/api/reports/plans/{planId}/as-of")) {
            results.notMeasured(AUDIT, "time travel: plan as of an instant" + label, "endpoint absent");
            return;
        }
        String path = "/api/reports/plans/" + sample.planId() + "/as-of?at=" + sample.middle();
        Histogram asOf = reads(targets.direct(), path, sample, false);
        for (double percentile : new double[]{50, 95, 99}) {
            results.add(AUDIT, "time travel: plan as of an instant p" + (int) percentile + " direct" + label,
                    ms(asOf, percentile), "ms", "", Double.NaN, config.auditReads() + " reads");
        }
    }

    /** Sequential reads as auditors of the sample's institution; a different auditor each time through the gateway,
     *  whose per-user rate limit would otherwise answer 429 and time the limiter instead of the read. */
    private Histogram reads(Targets.Target target, String path, SyntheticEvents.Sample sample, boolean manyUsers)
            throws Exception {
        Histogram micros = new Histogram(60_000_000L, 3);
        List<VerifiedUser> auditors = new ArrayList<>();
        for (int i = 0; i < config.auditReads(); i++) {
            auditors.add(WriteMix.user(manyUsers ? "bench-auditor-" + i : "bench-auditor", "Auditor", Role.AUDITOR,
                    sample.institution()));
        }
        auditors.forEach(targets::prepare);
        int failures = 0;
        String lastFailure = "";
        for (VerifiedUser auditor : auditors) {
            long start = System.nanoTime();
            HttpResponse<String> response = target.send("GET", path, null, auditor);
            long micro = (System.nanoTime() - start) / 1000;
            if (response.statusCode() == 200) {
                micros.recordValue(Math.min(60_000_000L, micro));
            } else {
                failures++;
                lastFailure = response.statusCode() + " " + response.body();
            }
        }
        if (failures > 0) {
            results.finding(failures + " of " + auditors.size() + " reads of " + path + " via " + target.name()
                    + " failed, last: " + lastFailure.substring(0, Math.min(300, lastFailure.length())));
        }
        return micros;
    }

    // ---------------------------------------------------------------- memory

    private void memory() {
        Map<String, Long> rest = processes.atRest();
        Map<String, Long> peak = processes.peak();
        for (String process : rest.keySet()) {
            results.add(MEMORY, process + ": peak under load", peak.getOrDefault(process, rest.get(process)) / 1024.0,
                    "MiB", "at rest", rest.get(process) / 1024.0, "");
        }
        peak.keySet().stream().filter(process -> !rest.containsKey(process)).forEach(process ->
                results.add(MEMORY, process + ": peak under load", peak.get(process) / 1024.0, "MiB", ""));
    }
}
