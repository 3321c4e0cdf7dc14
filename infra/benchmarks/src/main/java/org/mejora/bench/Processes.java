package org.mejora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Resident memory (VmRSS of /proc/&lt;pid&gt;/status) of the four services, the bench broker and PostgreSQL, at rest and
 * at its peak under load. PostgreSQL is one process per connection sharing its buffers: its figure is the
 * postmaster's RSS plus the private (anonymous) memory of every other postgres process, so shared memory counts once.
 */
final class Processes {

    private final Map<String, Path> pidFiles = new LinkedHashMap<>();
    private final Map<String, Long> atRest = new LinkedHashMap<>();
    private final Map<String, Long> peak = new ConcurrentHashMap<>();
    private volatile Thread sampler;

    Processes(Config config) {
        for (String app : List.of("plan", "evaluation", "reporting", "gateway")) {
            pidFiles.put(app, config.pidDir().resolve(app + ".pid"));
        }
        pidFiles.put("kafka broker (bench)", config.brokerPidFile());
    }

    Map<String, Long> sample() {
        Map<String, Long> kib = new LinkedHashMap<>();
        pidFiles.forEach((name, file) -> {
            try {
                long pid = Long.parseLong(Files.readString(file).trim());
                long rss = status(pid, "VmRSS");
                if (rss >= 0) {
                    kib.put(name, rss);
                }
            } catch (IOException | NumberFormatException e) {
                // not running: no figure
            }
        });
        long postgres = postgres();
        if (postgres > 0) {
            kib.put("postgresql (all backends)", postgres);
        }
        return kib;
    }

    void recordRest() {
        atRest.putAll(sample());
    }

    /** Samples every second until {@link #stopSampling()}, keeping each process's peak. */
    void startSampling() {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample().forEach((name, kib) -> peak.merge(name, kib, Math::max));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
        sampler = thread;
    }

    void stopSampling() throws InterruptedException {
        Thread thread = sampler;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }

    Map<String, Long> atRest() {
        return atRest;
    }

    Map<String, Long> peak() {
        return peak;
    }

    private static long postgres() {
        long postmaster = -1;
        long others = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (!Files.readString(dir.resolve("comm")).trim().equals("postgres")) {
                        continue;
                    }
                    long pid = Long.parseLong(dir.getFileName().toString());
                    long parent = status(pid, "PPid");
                    boolean isPostmaster = parent >= 0 && !Files.readString(Path.of("/proc", Long.toString(parent), "comm"))
                            .trim().equals("postgres");
                    if (isPostmaster) {
                        postmaster = Math.max(postmaster, status(pid, "VmRSS"));
                    } else {
                        others += Math.max(0, status(pid, "RssAnon"));
                    }
                } catch (IOException | NumberFormatException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return postmaster < 0 ? -1 : postmaster + others;
    }

    /** A numeric field of /proc/&lt;pid&gt;/status (kB for memory fields); -1 when absent. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
