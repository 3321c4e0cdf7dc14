package org.mejora.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A poor man's sampling profiler that needs nothing in the services: {@code jcmd <pid> Thread.print} once a
 * second, and for the threads of interest, what each was doing. Stacks are classified by what they wait on or
 * compute (PostgreSQL, Kafka, JSON, crypto, our own code); threads parked waiting for work are left out, so the
 * shares are of busy time. Each dump pauses the service briefly: figures taken while sampling say so.
 */
final class StackSampler implements AutoCloseable {

    private static final List<String> IDLE_TOPS = List.of("jdk.internal.misc.Unsafe.park", "java.lang.Object.wait",
            "java.lang.Thread.sleep", "sun.nio.ch.EPoll.wait", "io.netty.channel.epoll.Native.epollWait",
            "sun.nio.ch.Net.poll", "sun.nio.ch.Net.accept", "java.lang.Thread.yield",
            "java.lang.ref.Reference.waitForReferencePendingList", "jdk.internal.misc.Signal");
    /** Waits that are chosen, not imposed: a thread sleeping between polls is idle even inside our code. */
    private static final List<String> CHOSEN_WAITS = List.of("java.lang.Thread.sleep", "sun.nio.ch.EPoll.wait",
            "io.netty.channel.epoll.Native.epollWait", "java.lang.ref.Reference.waitForReferencePendingList");

    private final long pid;
    private final Predicate<String> threads;
    private final Map<String, Integer> categories = new HashMap<>();
    private final Map<String, Map<String, Integer>> where = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private int busy;
    private int idle;

    private StackSampler(long pid, Predicate<String> threads) {
        this.pid = pid;
        this.threads = threads;
        this.sampler = new Thread(this::sample, "stack-sampler-" + pid);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Samples the process whose pid is in {@code pidFile}; null when it is not running. */
    static StackSampler start(Path pidFile, Predicate<String> threads) {
        try {
            return new StackSampler(Long.parseLong(Files.readString(pidFile).trim()), threads);
        } catch (Exception e) {
            return null;
        }
    }

    private void sample() {
        while (running) {
            try {
                Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print")
                        .redirectErrorStream(true).start();
                List<String> lines;
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
                    lines = reader.lines().toList();
                }
                jcmd.waitFor(10, TimeUnit.SECONDS);
                record(lines);
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                return;
            }
        }
    }

    private synchronized void record(List<String> dump) {
        String name = null;
        List<String> frames = new ArrayList<>();
        for (String line : dump) {
            if (line.startsWith("\"")) {
                classify(name, frames);
                name = line.substring(1, line.indexOf('"', 1));
                frames = new ArrayList<>();
            } else if (line.trim().startsWith("at ")) {
                String frame = line.trim().substring(3);
                frames.add(frame.contains("(") ? frame.substring(0, frame.indexOf('(')) : frame);
            }
        }
        classify(name, frames);
    }

    private void classify(String name, List<String> frames) {
        if (name == null || frames.isEmpty() || !threads.test(name)) {
            return;
        }
        String category = category(frames);
        if (category == null) {
            idle++;
            return;
        }
        busy++;
        categories.merge(category, 1, Integer::sum);
        String ours = frames.stream().filter(f -> f.startsWith("org.mejora.")).findFirst().orElse("(no Mejora frame)");
        where.computeIfAbsent(category, k -> new HashMap<>()).merge(ours, 1, Integer::sum);
    }

    /** What the stack is busy with, or null when the thread waits for work. */
    static String category(List<String> frames) {
        String stack = String.join(" ", frames);
        if (CHOSEN_WAITS.stream().anyMatch(frames.get(0)::startsWith)) {
            return null;
        }
        if (stack.contains("com.zaxxer.hikari.pool.HikariPool.getConnection")) {
            return "waiting for a pooled database connection";
        }
        if (stack.contains("org.postgresql.")) {
            return "PostgreSQL (JDBC round trips)";
        }
        if (stack.contains("com.nimbusds.") || stack.contains("sun.security.rsa") || stack.contains("javax.crypto")) {
            return "JWT / signatures";
        }
        if (stack.contains("com.fasterxml.jackson.") || stack.contains("tools.jackson.")) {
            return "JSON (Jackson)";
        }
        if (stack.contains("org.apache.kafka.")) {
            return IDLE_TOPS.stream().anyMatch(frames.get(0)::startsWith) ? null : "Kafka client";
        }
        if (IDLE_TOPS.stream().anyMatch(frames.get(0)::startsWith) && !stack.contains("org.mejora.")) {
            return null;
        }
        if (IDLE_TOPS.stream().anyMatch(frames.get(0)::startsWith)) {
            return "waiting inside Mejora code (lock or future)";
        }
        String top = frames.get(0);
        return "CPU in " + (top.lastIndexOf('.') > 0 ? top.substring(0, top.lastIndexOf('.')) : top);
    }

    /** e.g. "PostgreSQL (JDBC round trips) 71% (in org.mejora...EventApplier.apply), JSON 12%, ..." */
    synchronized String summary(int top) {
        if (busy == 0) {
            return "no busy samples (" + idle + " idle)";
        }
        return categories.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %d%%%s", e.getKey(), Math.round(100.0 * e.getValue() / busy),
                        hotspot(e.getKey())))
                .collect(Collectors.joining("; "))
                + String.format(Locale.ROOT, " (%d busy thread samples)", busy);
    }

    private String hotspot(String category) {
        return where.getOrDefault(category, Map.of()).entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey().equals("(no Mejora frame)") ? "" : " under " + shortFrame(e.getKey()))
                .orElse("");
    }

    private static String shortFrame(String frame) {
        String[] parts = frame.split("\\.");
        return parts.length < 2 ? frame : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(5000);
    }
}
