package org.mejora.bench;

import java.io.BufferedReader;
import java.io.IOException;
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
 * A JDK Flight Recorder profile of a running service: {@code jcmd <pid> JFR.start settings=profile} when it starts,
 * {@code JFR.stop} into a {@code .jfr} file when closed, then {@code jfr print} of its {@code jdk.ExecutionSample}
 * (threads running Java code, every 10 ms) and {@code jdk.NativeMethodSample} (threads in native code, such as a
 * socket read waiting for PostgreSQL, every 20 ms) events of the threads of interest. Stacks are classified by what
 * they wait on or compute (PostgreSQL, Kafka, JSON, our own code); threads waiting for work are left out, so the
 * shares are of busy samples. The recording stays on disk for {@code jfr view} / JDK Mission Control.
 */
final class JfrProfile implements AutoCloseable {

    private static final List<String> IDLE_TOPS = List.of("jdk.internal.misc.Unsafe.park", "java.lang.Object.wait",
            "java.lang.Thread.sleep", "sun.nio.ch.EPoll.wait", "io.netty.channel.epoll.Native.epollWait",
            "sun.nio.ch.Net.poll", "sun.nio.ch.Net.accept", "java.lang.Thread.yield",
            "java.lang.ref.Reference.waitForReferencePendingList", "jdk.internal.misc.Signal");
    /** Waits that are chosen, not imposed: a thread sleeping between polls is idle even inside our code. */
    private static final List<String> CHOSEN_WAITS = List.of("java.lang.Thread.sleep", "sun.nio.ch.EPoll.wait",
            "io.netty.channel.epoll.Native.epollWait", "java.lang.ref.Reference.waitForReferencePendingList");

    private final long pid;
    private final String name;
    private final Path file;
    private final Predicate<String> threads;
    private final Map<String, Integer> categories = new HashMap<>();
    private final Map<String, Map<String, Integer>> where = new HashMap<>();
    private final Map<String, Integer> selfFrames = new HashMap<>();
    private final Map<String, Integer> ourFrames = new HashMap<>();
    private int busy;
    private int idle;
    private int javaSamples;
    private int nativeSamples;
    private String failure;

    private JfrProfile(long pid, String name, Path file, Predicate<String> threads) {
        this.pid = pid;
        this.name = name;
        this.file = file;
        this.threads = threads;
    }

    /**
     * Starts a recording in the process whose pid is in {@code pidFile}, written to {@code file} when closed; null
     * when the process is not running or refuses.
     */
    static JfrProfile start(Path pidFile, Path file, Predicate<String> threads) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            String name = "bench-" + file.getFileName().toString().replace(".jfr", "");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            List<String> out = run(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=" + name,
                    "settings=profile"));
            if (out.stream().noneMatch(line -> line.contains("Started recording"))) {
                return null;
            }
            return new JfrProfile(pid, name, file, threads);
        } catch (Exception e) {
            return null;
        }
    }

    static JfrProfile forTest(Predicate<String> threads) {
        return new JfrProfile(0, "test", Path.of("test.jfr"), threads);
    }

    /** Stops the recording into its file and reads its samples. */
    @Override
    public void close() {
        try {
            run(List.of(tool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + name,
                    "filename=" + file.toAbsolutePath()));
            read(run(List.of(tool("jfr"), "print", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample",
                    "--stack-depth", "40", file.toAbsolutePath().toString())));
        } catch (Exception e) {
            failure = e.toString();
        }
    }

    Path file() {
        return file;
    }

    /** The JDK tool beside the running java, else on the PATH. */
    private static String tool(String name) {
        return ProcessHandle.current().info().command().map(Path::of).map(java -> java.resolveSibling(name))
                .filter(Files::isExecutable).map(Path::toString).orElse(name);
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = reader.lines().toList();
        }
        process.waitFor(60, TimeUnit.SECONDS);
        return lines;
    }

    /** Parses {@code jfr print}'s text: one block per event, its thread and its frames, innermost first. */
    void read(List<String> printed) {
        String event = null;
        String thread = null;
        boolean inStack = false;
        List<String> frames = new ArrayList<>();
        for (String raw : printed) {
            String line = raw.trim();
            if (line.startsWith("jdk.ExecutionSample {") || line.startsWith("jdk.NativeMethodSample {")) {
                event = line.startsWith("jdk.ExecutionSample") ? "java" : "native";
                thread = null;
                frames = new ArrayList<>();
            } else if (event == null) {
                continue;
            } else if (line.startsWith("sampledThread = \"")) {
                int from = "sampledThread = \"".length();
                thread = line.substring(from, Math.max(from, line.indexOf('"', from)));
            } else if (line.startsWith("stackTrace = [")) {
                inStack = true;
            } else if (inStack && line.equals("]")) {
                inStack = false;
            } else if (inStack && !line.equals("...")) {
                frames.add(line.contains("(") ? line.substring(0, line.indexOf('(')) : line);
            } else if (line.equals("}")) {
                sample(event, thread, frames);
                event = null;
            }
        }
    }

    private void sample(String event, String thread, List<String> frames) {
        if (thread == null || frames.isEmpty() || !threads.test(thread)) {
            return;
        }
        String category = category(frames);
        if (category == null) {
            idle++;
            return;
        }
        busy++;
        if (event.equals("java")) {
            javaSamples++;
            selfFrames.merge(frames.get(0), 1, Integer::sum);
        } else {
            nativeSamples++;
        }
        categories.merge(category, 1, Integer::sum);
        String ours = frames.stream().filter(f -> f.startsWith("org.mejora.")).findFirst().orElse("(no Mejora frame)");
        where.computeIfAbsent(category, k -> new HashMap<>()).merge(ours, 1, Integer::sum);
        ourFrames.merge(ours, 1, Integer::sum);
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
            return "PostgreSQL (JDBC)";
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

    /**
     * e.g. "PostgreSQL (JDBC) 41% under EventApplier.flush; JSON 12% …; top frames (self, Java samples): … ;
     * Mejora frames: … (1234 busy samples: 1000 in Java, 234 in native code)".
     */
    String summary(int top) {
        if (failure != null) {
            return "no profile (" + failure + ")";
        }
        if (busy == 0) {
            return "no busy samples (" + idle + " idle) in " + file;
        }
        return "by activity: " + categories.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %d%%%s", e.getKey(), Math.round(100.0 * e.getValue() / busy),
                        hotspot(e.getKey())))
                .collect(Collectors.joining("; "))
                + "; top frames (self time of the Java samples): " + shares(selfFrames, javaSamples, top)
                + "; innermost Mejora frame: " + shares(ourFrames, busy, top)
                + String.format(Locale.ROOT, " (%d busy samples: %d running Java, %d in native code; %d idle; "
                        + "recording %s)", busy, javaSamples, nativeSamples, idle, file.getFileName());
    }

    private static String shares(Map<String, Integer> counts, int total, int top) {
        if (total == 0) {
            return "none";
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %d%%", shortFrame(e.getKey()),
                        Math.round(100.0 * e.getValue() / total)))
                .collect(Collectors.joining(", "));
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
}
