package org.mejora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.mejora.identity.Role;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time from a command's acknowledgement to its change being visible in reporting-service: a sample of the
 * acknowledged commands is followed by a prober that reads the plan's history until the plan's stream in
 * reporting holds as many events as commands were acknowledged for it (every step of the mix emits one plan event).
 * <p>
 * {@value #PROBERS} probers take samples side by side, so a run of a few tens of seconds yields a thousand or more
 * once freshness is in milliseconds. Each reads reporting only once the event is on Kafka (it cannot be visible
 * before; the driver's {@link KafkaWatch} sees it within 10 ms), then every {@value #POLL_MILLIS} ms: the probing
 * load on two cores stays near one reading per sample and {@value #POLL_MILLIS} ms step, and a sample errs late,
 * never early.
 */
final class Freshness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int PROBERS = 2;
    private static final int POLL_MILLIS = 5;
    private static final int PAGE = 200;

    private record Sample(String planId, String institution, int events, long ackedAt) {
    }

    private final Targets.Target reporting;
    private final String historyTemplate;
    /** A hand-off: a sample is taken only by a prober that is free at its acknowledgement, so none waits queued. */
    private final BlockingQueue<Sample> samples = new SynchronousQueue<>();
    private final Histogram millis = new Histogram(120_000L, 3);
    private final Histogram toKafka = new Histogram(120_000L, 3);
    private final Histogram fromKafka = new Histogram(120_000L, 3);
    private final KafkaWatch watch;
    private final AtomicLong missed = new AtomicLong();
    /** Why the last sample that failed (rather than timed out) failed, for the results' note. */
    private volatile String failure;
    private final List<Thread> probers = new ArrayList<>();
    /** The one open in this run: WriteMix probes the direct runs with it too, so both targets carry the same load. */
    private static volatile Freshness active;
    private volatile boolean running = true;

    Freshness(Targets.Target reporting, String historyTemplate, KafkaWatch watch) {
        this.reporting = reporting;
        this.watch = watch;
        this.historyTemplate = historyTemplate;
        for (int i = 0; i < PROBERS; i++) {
            Thread prober = new Thread(this::probe, "freshness-prober-" + i);
            prober.setDaemon(true);
            prober.start();
            probers.add(prober);
        }
        active = this;
    }

    /** The freshness probe open now, or null. */
    static Freshness active() {
        return active;
    }

    /** Offers an acknowledged command; dropped when every prober is busy, so sampling never slows the clients. */
    void offer(String planId, String institution, int eventsSoFar, long ackedAt) {
        samples.offer(new Sample(planId, institution, eventsSoFar, ackedAt));
    }

    private void probe() {
        while (running) {
            Sample sample;
            try {
                sample = samples.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            // Handed over to a free prober (never queued): a late wake-up of the prober on a busy machine only delays
            // its first reading, so the sample errs late, never early.
            if (sample == null) {
                continue;
            }
            // The largest page reporting serves; the mix's plans are far smaller, and a longer one is read at its
            // last page.
            String path = historyTemplate.replace("{id}", sample.planId()) + "?size=" + PAGE;
            var auditor = WriteMix.user("bench-auditor", "Auditor", Role.AUDITOR, sample.institution());
            Long onKafka;
            try {
                onKafka = watch.arrival(sample.planId(), sample.events() - 1);
            } catch (InterruptedException e) {
                return;
            }
            while (running) {
                long now = System.nanoTime();
                if (now - sample.ackedAt() > TIMEOUT_NANOS) {
                    missed.incrementAndGet();
                    break;
                }
                try {
                    HttpResponse<String> response = reporting.send("GET", path, null, auditor);
                    JsonNode page = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                    long total = page == null ? 0 : page.path("total").asLong(0);
                    if (total > PAGE) {
                        response = reporting.send("GET", path + "&page=" + (total - 1) / PAGE, null, auditor);
                        page = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                    }
                    long seen = System.nanoTime();
                    if (page == null && response.statusCode() != 404) {
                        // A refusal (400, 401, 403) never turns into a sample: say why instead of timing out.
                        String body = response.body();
                        throw new IllegalStateException("reporting answered " + response.statusCode() + ": "
                                + body.substring(0, Math.min(body.length(), 200)));
                    }
                    if (page != null && planEvents(page) >= sample.events()) {
                        synchronized (millis) {
                            millis.recordValue(millis(seen - sample.ackedAt()));
                            if (onKafka != null) {
                                toKafka.recordValue(millis(onKafka - sample.ackedAt()));
                                fromKafka.recordValue(millis(seen - onKafka));
                            }
                        }
                        break;
                    }
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    missed.incrementAndGet();
                    failure = e.getMessage();
                    break;
                }
            }
        }
    }

    /** Events of the plan's own stream that reporting shows: the highest Plan sequence + 1. */
    static long planEvents(JsonNode history) {
        JsonNode entries = history.path("items");
        if (!entries.isArray()) {
            return history.path("total").asLong(0);
        }
        long highest = -1;
        for (JsonNode entry : entries) {
            if ("Plan".equals(entry.path("aggregateType").asText("Plan"))) {
                highest = Math.max(highest, entry.path("sequence").asLong(-1));
            }
        }
        return highest + 1;
    }

    private static long millis(long nanos) {
        return Math.min(120_000L, Math.max(0, nanos / 1_000_000));
    }

    /**
     * The samples so far, and starts a new set.
     *
     * @param total     acknowledged → visible in reporting
     * @param toKafka   acknowledged → on the plan topic
     * @param fromKafka on the plan topic → visible in reporting
     */
    record Figures(Histogram total, Histogram toKafka, Histogram fromKafka) {
    }

    Figures drain() {
        synchronized (millis) {
            Figures figures = new Figures(millis.copy(), toKafka.copy(), fromKafka.copy());
            millis.reset();
            toKafka.reset();
            fromKafka.reset();
            return figures;
        }
    }

    /** Why a sample failed since the last call, or null; and forgets it. */
    String failureAndReset() {
        String last = failure;
        failure = null;
        return last;
    }

    long missedAndReset() {
        return missed.getAndSet(0);
    }

    @Override
    public void close() throws InterruptedException {
        active = null;
        running = false;
        for (Thread prober : probers) {
            prober.join(5_000);
        }
        watch.close();
    }
}
