package org.mejora.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Command latency against the size of the plan's history (issue 14: a command must not cost more on a plan of years
 * of follow-ups). Two plans grow side by side: a draft one by edits of its actions (where adding and editing an action
 * is measured) and one in execution by follow-ups (where recording progress is measured). At each size every command
 * is timed one client at a time, through the gateway and direct; the first size, a new plan, is the baseline of the
 * same run.
 * <p>
 * Runs inside {@link Benchmark}, or alone against services already up ({@code main}: the same environment as
 * infra/bench.sh, sizes in {@code MEJORA_BENCH_PLAN_SIZES}, e.g. {@code 10,100,1000,5000,10000}).
 */
final class PlanSizeScale {

    static final String SECTION = "Plan size";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTION = """
            {"number":"%s","name":"%s","description":"Revisar y ajustar GES-PR011","objective":"Contar con seguimiento trimestral",
             "tasks":[{"number":1,"description":"Reunión con las áreas claves"}],"goalIndicator":"Procedimiento actualizado",
             "resources":"Humanos","responsibleUnit":"Planeación","responsibleRole":"Directora de Planeación",
             "start":"jun-21","end":"dic-21","scheduledMonths":6}""";
    private static final int ACTIONS = 10;
    private static final int GROWERS = 3;
    private static final int[] STEPS = {25, 50, 75};

    private final Targets targets;
    private final Results results;
    private final List<Integer> sizes;
    private final int samples;
    private final String institution = "bench-size-" + UUID.randomUUID().toString().substring(0, 8);
    /** Several owners in turn: the gateway lets each user send 20 requests/s, fewer than one client sends here. */
    private final List<VerifiedUser> owners = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();
    private final VerifiedUser reviewer;
    private final VerifiedUser approver;

    PlanSizeScale(Config config, Targets targets, Results results) {
        this.targets = targets;
        this.results = results;
        String given = System.getenv("MEJORA_BENCH_PLAN_SIZES");
        this.sizes = given != null && !given.isBlank()
                ? Arrays.stream(given.split(",")).map(String::trim).map(Integer::parseInt).toList()
                : config.mode().equals("quick") ? List.of(10, 100, 1_000) : List.of(10, 100, 1_000, 5_000, 10_000);
        this.samples = config.mode().equals("quick") ? 15 : 30;
        for (int i = 0; i < 16; i++) {
            owners.add(new VerifiedUser("size-owner-" + i, "Dueña del plan " + i, Set.of(Role.PLAN_OWNER), institution));
        }
        this.reviewer = new VerifiedUser("size-reviewer", "Control interno", Set.of(Role.PLAN_REVIEWER), institution);
        this.approver = new VerifiedUser("size-approver", "Alcalde", Set.of(Role.PLAN_APPROVER), institution);
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.from(List.of(args).contains("--quick") ? "quick" : "default", System.getenv());
        Results results = new Results();
        new PlanSizeScale(config, new Targets(config, 4), results).run();
        System.out.println(results.markdown());
        System.exit(0);
    }

    void run() throws Exception {
        owners.forEach(targets::prepare);
        targets.prepare(reviewer);
        targets.prepare(approver);
        Plan draft = draftPlan();
        Plan executing = executingPlan();
        Map<String, Histogram> baseline = new TreeMap<>();
        for (int size : sizes) {
            grow(draft, size, this::edit);
            grow(executing, size, this::progress);
            for (Targets.Target target : List.of(targets.gateway(), targets.direct())) {
                Map<String, Histogram> measured = new TreeMap<>();
                measured.put("add action", time(() -> addAction(target, draft)));
                measured.put("edit action", time(() -> edit(target, draft)));
                measured.put("record progress", time(() -> progress(target, executing)));
                measured.put("GET plan", time(() -> call(target, owner(), "GET", "/api/plans/" + draft.id, null)));
                for (Map.Entry<String, Histogram> entry : measured.entrySet()) {
                    String key = target.name() + " " + entry.getKey();
                    baseline.putIfAbsent(key, entry.getValue());
                    Histogram base = baseline.get(key);
                    for (double percentile : new double[]{50, 95}) {
                        results.add(SECTION, key + " at " + size + " events p" + (int) percentile,
                                ms(entry.getValue(), percentile), "ms", "new plan (" + sizes.get(0) + " events)",
                                ms(base, percentile), samples + " samples; target ≤ 1.3× at 5,000 events");
                    }
                }
            }
            HttpResponse<String> plan = call(targets.direct(), owner(), "GET", "/api/plans/" + executing.id, null);
            results.add(SECTION, "GET plan in execution at " + size + " events, body", plan.body().length() / 1024.0,
                    "KiB", "its follow-ups are paged apart");
        }
    }

    private static final class Plan {
        String id;
        String findingId;
        final List<String> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile long events;
        final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
    }

    @FunctionalInterface
    private interface Command {
        void send(Targets.Target target, Plan plan) throws Exception;
    }

    @FunctionalInterface
    private interface Timed {
        void run() throws Exception;
    }

    private Plan draftPlan() throws Exception {
        Plan plan = new Plan();
        plan.id = value(call(targets.direct(), owner(), "POST", "/api/plans", """
                {"kind":"AUDIT","title":"Plan de tamaño creciente","institutionName":"ALCALDIA MUNICIPAL DE CALICA",
                 "auditedProcess":"Gestión Estratégica","responsible":"Directora de Planeación","period":"2021"}"""), "planId");
        plan.findingId = value(call(targets.direct(), owner(), "POST", "/api/plans/" + plan.id + "/findings", """
                {"number":"1","description":"Debilidad en el seguimiento de los indicadores","source":{"type":"AUDIT"}}"""),
                "findingId");
        plan.events = 2;
        for (int i = 0; i < ACTIONS; i++) {
            addAction(targets.direct(), plan);
        }
        return plan;
    }

    private Plan executingPlan() throws Exception {
        Plan plan = draftPlan();
        call(targets.direct(), owner(), "POST", "/api/plans/" + plan.id + "/submission", "{}");
        call(targets.direct(), reviewer, "POST", "/api/plans/" + plan.id + "/review", "{\"observations\":\"Sin observaciones\"}");
        call(targets.direct(), approver, "POST", "/api/plans/" + plan.id + "/approval", "{}");
        call(targets.direct(), approver, "POST", "/api/plans/" + plan.id + "/execution", "{}");
        plan.events += 4;
        return plan;
    }

    /**
     * Brings the plan's history to {@code size} events with the command the plan grows by, sent direct by a few
     * clients at once (the plan takes them one at a time; the clients only keep it busy). Not measured.
     */
    private void grow(Plan plan, int size, Command command) throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(GROWERS);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (long n = plan.events; n < size; n++) {
                sent.add(clients.submit(() -> {
                    command.send(targets.direct(), plan);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> one : sent) {
                try {
                    one.get();
                } catch (java.util.concurrent.ExecutionException slow) {
                    // a command that timed out may still have been stored: the plan's version says
                }
            }
        } finally {
            clients.shutdownNow();
        }
        HttpResponse<String> read = call(targets.direct(), owner(), "GET", "/api/plans/" + plan.id, null);
        plan.events = JSON.readTree(read.body()).path("version").asLong() + 1;
    }

    private void addAction(Targets.Target target, Plan plan) throws Exception {
        String number = "1." + (plan.actions.size() + 1);
        plan.actions.add(value(call(target, owner(), "POST",
                "/api/plans/" + plan.id + "/findings/" + plan.findingId + "/actions",
                ACTION.formatted(number, "Acción " + number)), "actionId"));
        count(plan);
    }

    private void edit(Targets.Target target, Plan plan) throws Exception {
        long n = plan.counter.getAndIncrement();
        int index = (int) (n % ACTIONS);
        call(target, owner(), "PUT", "/api/plans/" + plan.id + "/actions/" + plan.actions.get(index),
                ACTION.formatted("1." + (index + 1), "Acción " + (index + 1) + " revisión " + n));
        count(plan);
    }

    private void progress(Targets.Target target, Plan plan) throws Exception {
        long n = plan.counter.getAndIncrement();
        call(target, owner(), "POST", "/api/plans/" + plan.id + "/actions/" + plan.actions.get((int) (n % ACTIONS)) + "/progress",
                "{\"percent\":%d,\"evidence\":\"Acta de seguimiento %d\",\"comment\":\"Seguimiento mensual\",\"reason\":\"Reprogramación\"}"
                        .formatted(STEPS[(int) (n / ACTIONS % STEPS.length)], n));
        count(plan);
    }

    private static synchronized void count(Plan plan) {
        plan.events++;
    }

    private VerifiedUser owner() {
        return owners.get((int) (turn.getAndIncrement() % owners.size()));
    }

    private Histogram time(Timed request) throws Exception {
        Histogram micros = new Histogram(60_000_000L, 3);
        request.run(); // one unmeasured: the first request after a size change also warms the JIT for that path
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            request.run();
            micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
        }
        return micros;
    }

    private HttpResponse<String> call(Targets.Target target, VerifiedUser user, String method, String path, String body)
            throws Exception {
        HttpResponse<String> response = target.send(method, path, body, user);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " via " + target.name() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String value(HttpResponse<String> response, String field) throws Exception {
        return JSON.readTree(response.body()).path(field).asText();
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
