package org.mejora.system.chaos;

import org.mejora.testing.Api;
import org.mejora.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The services of a fault run as processes of the jars the build packaged, each on a port of its own, with a Kafka
 * broker of their own (infra/kafka.sh on free ports, so that killing it harms nobody else) and databases of their
 * own (the set {@code chaos_<MEJORA_TEST_DB_SET>}, recreated by infra/postgres.sh at the start, since the broker is
 * new). A unit is one process: {@code plan} is instance 0, {@code plan-1} instance 1; the gateway balances between
 * the instances. Kills are {@code kill -9}; a killed unit is started again as a supervisor would.
 */
final class ChaosCluster implements AutoCloseable {

    private static final Map<String, String> JARS = Map.of(
            "plan", "plan-service/plan-app/target/plan-app-0.1.0-SNAPSHOT.jar",
            "evaluation", "evaluation-service/evaluation-app/target/evaluation-app-0.1.0-SNAPSHOT.jar",
            "reporting", "reporting-service/target/reporting-service-0.1.0-SNAPSHOT.jar",
            "gateway", "gateway/gateway-app/target/gateway-app-0.1.0-SNAPSHOT.jar");
    private static final List<String> SERVICES = List.of("plan", "evaluation", "reporting");
    /** How long a unit may take to start: minutes when many JVMs start at once on a busy machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(Integer.getInteger("mejora.chaos.start-minutes", 10));

    private final Path root;
    private final Path logs;
    private final Map<String, Integer> instances;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> kafkaEnvironment = new LinkedHashMap<>();
    private final String dbSet;

    /** @param instances how many processes of plan, evaluation and reporting (the gateway runs once) */
    ChaosCluster(Map<String, Integer> instances) {
        this.root = Path.of(System.getenv().getOrDefault("MEJORA_ROOT", "../..")).toAbsolutePath().normalize();
        this.logs = Path.of("target", "chaos-logs").toAbsolutePath();
        this.instances = instances;
        this.dbSet = "chaos_" + System.getenv().getOrDefault("MEJORA_TEST_DB_SET", "system");
        for (String unit : units()) {
            ports.put(unit, freePort());
        }
        kafkaEnvironment.put("MEJORA_KAFKA_PORT", String.valueOf(freePort()));
        kafkaEnvironment.put("MEJORA_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        kafkaEnvironment.put("MEJORA_KAFKA_BOOTSTRAP", "localhost:" + kafkaEnvironment.get("MEJORA_KAFKA_PORT"));
        kafkaEnvironment.put("MEJORA_KAFKA_DIR", Path.of("target", "chaos-kafka").toAbsolutePath().toString());
        // The jars infra/kafka.sh fetched for the test run's broker, when there are some: no second download.
        String libs = System.getenv("MEJORA_KAFKA_LIBS");
        if (libs == null) {
            Path shared = Path.of(System.getenv().getOrDefault("MEJORA_STATE_DIR", root.resolve("infra/.run").toString()),
                    "kafka", "libs");
            libs = Files.exists(shared.resolve(".complete")) ? shared.toString()
                    : Path.of("target", "chaos-kafka", "libs").toAbsolutePath().toString();
        }
        kafkaEnvironment.put("MEJORA_KAFKA_LIBS", libs);
    }

    /** Every unit in start order: plan, plan-1, evaluation, ..., gateway. */
    List<String> units() {
        List<String> units = new ArrayList<>();
        for (String service : SERVICES) {
            units.add(service);
            for (int k = 1; k < instances.getOrDefault(service, 1); k++) {
                units.add(service + "-" + k);
            }
        }
        units.add("gateway");
        return units;
    }

    int instancesOf(String service) {
        return service.equals("gateway") ? 1 : instances.getOrDefault(service, 1);
    }

    List<String> unitsOf(String service) {
        return units().stream().filter(unit -> app(unit).equals(service)).toList();
    }

    void start() {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        script("infra/kafka.sh", "stop");
        deleteKafkaData();
        script("infra/kafka.sh", "start");
        script("infra/postgres.sh", "reset", dbSet);
        environment.putAll(environment());
        units().forEach(this::launch);
        units().forEach(unit -> awaitReady(unit, START_TIMEOUT));
    }

    int port(String unit) {
        return ports.get(unit);
    }

    /** e.g. "plan 2, evaluation 1, reporting 1, gateway 1". */
    String instanceSummary() {
        return SERVICES.stream().map(service -> service + " " + instancesOf(service)).collect(Collectors.joining(", "))
                + ", gateway 1";
    }

    /** kill -9 of one unit; {@link #restart} starts it again. */
    void kill(String unit) {
        Process process = processes.get(unit);
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void restart(String unit) {
        kill(unit);
        launch(unit);
    }

    boolean alive(String unit) {
        Process process = processes.get(unit);
        return process != null && process.isAlive();
    }

    void awaitReady(String unit, Duration within) {
        Api api = Api.at("http://localhost:" + ports.get(unit));
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!alive(unit)) {
                throw new IllegalStateException(unit + " died; see " + logs.resolve(unit + ".log"));
            }
            try {
                if (api.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // still starting
            }
            sleep(500);
        }
        throw new IllegalStateException(unit + " not ready within " + within + "; see " + logs.resolve(unit + ".log"));
    }

    /** kill -9 of the Kafka broker; {@link #startKafka} starts it again on the same data. */
    void killKafka() {
        Path pidFile = Path.of(kafkaEnvironment.get("MEJORA_KAFKA_DIR"), "broker.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(broker -> {
                broker.destroyForcibly();
                broker.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startKafka() {
        script("infra/kafka.sh", "start");
    }

    /**
     * Restarts PostgreSQL (all of the server: the services see every connection drop), only where infra/ started
     * the cluster and the caller allows it: on a shared server it would break everybody else's work.
     */
    boolean mayRestartPostgres() {
        Path marker = Path.of(System.getenv().getOrDefault("MEJORA_STATE_DIR", root.resolve("infra/.run").toString()),
                "postgres.started-by-infra");
        return Boolean.getBoolean("mejora.chaos.restart-postgres") || Files.exists(marker);
    }

    void restartPostgres() {
        try {
            script("infra/postgres.sh", "restart", "--force");
        } catch (IllegalStateException failed) {
            // The tests after this one need the server: bring it up before reporting the failure.
            script("infra/postgres.sh", "start");
            throw failed;
        }
    }

    String dbSet() {
        return dbSet;
    }

    Path logs() {
        return logs;
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        script("infra/kafka.sh", "stop");
    }

    static String app(String unit) {
        return unit.replaceFirst("-\\d$", "");
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(kafkaEnvironment);
        String host = System.getenv().getOrDefault("MEJORA_DB_HOST", "localhost");
        String port = System.getenv().getOrDefault("MEJORA_DB_PORT", "5432");
        for (String service : SERVICES) {
            String prefix = "MEJORA_" + service.toUpperCase() + "_DB_";
            env.put(prefix + "URL", "jdbc:postgresql://%s:%s/%s_%s".formatted(host, port, service, dbSet));
            env.put(prefix + "USER", service);
            env.put(prefix + "PASSWORD", System.getenv().getOrDefault("MEJORA_DB_PASSWORD_" + service.toUpperCase(),
                    service));
            String urls = unitsOf(service).stream().map(unit -> "http://localhost:" + ports.get(unit))
                    .collect(Collectors.joining(","));
            env.put("MEJORA_" + service.toUpperCase() + "_URL", "http://localhost:" + ports.get(service));
            env.put("MEJORA_" + service.toUpperCase() + "_URLS", urls);
            env.put("MEJORA_" + service.toUpperCase() + "_CONSUMER_GROUP", service + "-" + dbSet);
        }
        env.put("MEJORA_LOCAL_RUN", "true");
        env.put("MEJORA_JWT_PUBLIC_KEY", "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        env.put("MEJORA_JWT_PRIVATE_KEY", "file:" + TestTokens.privateKeyFile().toAbsolutePath());
        env.put("MEJORA_GATEWAY_PORT", ports.get("gateway").toString());
        // No web app in a fault run: its route points nowhere and is never called.
        env.put("MEJORA_WEB_URL", "http://localhost:9");
        // Many writers as one user each would hit the per-user limit: that is not what a fault run measures.
        env.put("MEJORA_RATE_LIMIT_PER_SECOND", "100000");
        env.put("MEJORA_RATE_LIMIT_BURST", "100000");
        return env;
    }

    private void launch(String unit) {
        String app = app(unit);
        Path jar = root.resolve(JARS.get(app));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven's verify phase");
        }
        try {
            Path log = logs.resolve(unit + ".log");
            if (Files.exists(log)) {
                Files.move(log, logs.resolve(unit + ".log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Daxoniq.update-checker.disabled=true",
                    "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("MEJORA_" + app.toUpperCase() + "_PORT", ports.get(unit).toString());
            builder.environment().put("MEJORA_INSTANCE", unit);
            processes.put(unit, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + unit, e);
        }
    }

    private void deleteKafkaData() {
        Path data = Path.of(kafkaEnvironment.get("MEJORA_KAFKA_DIR"), "data");
        run(List.of("rm", "-rf", data.toString()), Map.of());
    }

    private void script(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve(script).toString()));
        command.addAll(List.of(args));
        run(command, kafkaEnvironment);
    }

    private void run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("infra.log").toFile()));
            builder.environment().putAll(env);
            builder.environment().put("MEJORA_ROOT", root.toString());
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed; see " + logs.resolve("infra.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
