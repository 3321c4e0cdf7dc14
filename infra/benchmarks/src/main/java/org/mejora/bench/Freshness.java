package org.mejora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.mejora.identity.Role;

import java.net.http.HttpResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time from a command's acknowledgement to its change being visible in reporting-service: a sample of the
 * acknowledged commands is followed by one prober that reads the plan's history until the plan's stream in
 * reporting holds as many events as commands were acknowledged for it (every step of the mix emits one plan event).
 * One prober thread polling every 10 ms keeps the probing load small on two cores; the resolution is that 10 ms.
 */
final class Freshness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long STALE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private record Sample(String planId, String institution, int events, long ackedAt) {
    }

    private final Targets.Target reporting;
    private final String historyTemplate;
    private final BlockingQueue<Sample> samples = new ArrayBlockingQueue<>(4);
    private final Histogram millis = new Histogram(120_000L, 3);
    private final Histogram toKafka = new Histogram(120_000L, 3);
    private final Histogram fromKafka = new Histogram(120_000L, 3);
    private final KafkaWatch watch;
    private final AtomicLong missed = new AtomicLong();
    private final Thread prober;
    private volatile boolean running = true;

    Freshness(Targets.Target reporting, String historyTemplate, KafkaWatch watch) {
        this.reporting = reporting;
        this.watch = watch;
        this.historyTemplate = historyTemplate;
        this.prober = new Thread(this::probe, "freshness-prober");
        prober.setDaemon(true);
        prober.start();
    }

    /** Offers an acknowledged command; dropped when the prober is busy, so sampling never slows the clients. */
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
            // A sample that waited for the prober would time the wait, not the propagation: only fresh ones count.
            if (sample == null || System.nanoTime() - sample.ackedAt() > STALE_NANOS) {
                continue;
            }
            String path = historyTemplate.replace("{id}", sample.planId()) + "?size=500";
            var auditor = WriteMix.user("bench-auditor", "Auditor", Role.AUDITOR, sample.institution());
            while (running) {
                long now = System.nanoTime();
                if (now - sample.ackedAt() > TIMEOUT_NANOS) {
                    missed.incrementAndGet();
                    break;
                }
                try {
                    HttpResponse<String> response = reporting.send("GET", path, null, auditor);
                    long seen = System.nanoTime();
                    if (response.statusCode() == 200 && planEvents(JSON.readTree(response.body())) >= sample.events()) {
                        Long onKafka = watch.arrival(sample.planId(), sample.events() - 1);
                        synchronized (millis) {
                            millis.recordValue(millis(seen - sample.ackedAt()));
                            if (onKafka != null) {
                                toKafka.recordValue(millis(onKafka - sample.ackedAt()));
                                fromKafka.recordValue(millis(seen - onKafka));
                            }
                        }
                        break;
                    }
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    missed.incrementAndGet();
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

    long missedAndReset() {
        return missed.getAndSet(0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        prober.join(5_000);
        watch.close();
    }
}
