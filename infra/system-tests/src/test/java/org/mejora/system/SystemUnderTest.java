package org.mejora.system;

import org.mejora.testing.Api;
import org.mejora.testing.TestInfrastructure;
import org.mejora.identity.VerifiedUser;
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

/**
 * The whole system, started once per JVM: the four service jars that the build just packaged, the local identity
 * server and the web app, as separate processes, against this run's real PostgreSQL (the {@code *_system} databases)
 * and Kafka. Tests talk only to the gateway, with real signed tokens from {@link TestTokens}, or through a browser
 * that signs in at the identity server as one of the users of {@link #usersFile()}.
 */
public final class SystemUnderTest {

    private static SystemUnderTest instance;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private final Map<String, String> environment;
    private final Path logs;
    private final Path users;
    /** Every service exports its spans here, as it would to a collector. */
    private final OtlpReceiver traces = new OtlpReceiver();

    private SystemUnderTest() {
        Path root = Path.of(System.getenv().getOrDefault("MEJORA_ROOT", "../.."));
        logs = Path.of("target", "system-logs");
        users = Path.of("target", "idp-users.tsv").toAbsolutePath();
        for (String service : List.of("idp", "plan", "evaluation", "reporting", "gateway", "web")) {
            ports.put(service, freePort());
        }
        writeUsersFile();
        environment = environment();
        start(root.resolve("infra/local-idp/target/local-idp-0.1.0-SNAPSHOT.jar"), "idp");
        start(root.resolve("plan-service/plan-app/target/plan-app-0.1.0-SNAPSHOT.jar"), "plan");
        start(root.resolve("evaluation-service/evaluation-app/target/evaluation-app-0.1.0-SNAPSHOT.jar"),
                "evaluation");
        start(root.resolve("reporting-service/target/reporting-service-0.1.0-SNAPSHOT.jar"), "reporting");
        start(root.resolve("gateway/gateway-app/target/gateway-app-0.1.0-SNAPSHOT.jar"), "gateway");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        // The web app reads the identity server's discovery document when it starts.
        awaitReady("idp");
        start(root.resolve("gateway/web-app/target/web-app-0.1.0-SNAPSHOT.jar"), "web");
        ports.keySet().forEach(this::awaitReady);
    }

    public static synchronized SystemUnderTest get() {
        if (instance == null) {
            instance = new SystemUnderTest();
        }
        return instance;
    }

    /** The gateway, as a front end sees it, with a token for this user. */
    public Api gatewayAs(String userId, String institution, String... roles) {
        return gateway().bearer(TestTokens.token(userId, institution, roles));
    }

    /** The gateway with a token for {@code user}: their id, name, institution, roles and position. */
    public Api gatewayAs(VerifiedUser user) {
        return gateway().bearer(TestTokens.token(user));
    }

    /** The gateway without any token. */
    public Api gateway() {
        return Api.at("http://localhost:" + ports.get("gateway"));
    }

    /** The spans the services have exported so far. */
    OtlpReceiver traces() {
        return traces;
    }

    /** The console output of a service (idp, plan, evaluation, reporting, gateway, web). */
    public Path log(String service) {
        return logs.resolve(service + ".log");
    }

    public int port(String service) {
        return ports.get(service);
    }

    /** Where a browser opens Mejora: the gateway, which routes every page to the web app. */
    public String webUrl() {
        return "http://localhost:" + ports.get("gateway");
    }

    /** The identity server's users (user, institution, roles, name per line); it reads the file again on change. */
    public Path usersFile() {
        return users;
    }

    private void writeUsersFile() {
        try {
            Files.createDirectories(users.getParent());
            Files.writeString(users, "# users of this test run; the browser tests add their own\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(TestInfrastructure.get().serviceEnvironment("system"));
        // The system databases use the published development passwords: a local run.
        environment.put("MEJORA_LOCAL_RUN", "true");
        environment.put("MEJORA_JWT_PUBLIC_KEY", "file:" + TestTokens.publicKeyFile().toAbsolutePath());
        environment.put("MEJORA_JWT_PRIVATE_KEY", "file:" + TestTokens.privateKeyFile().toAbsolutePath());
        environment.put("MEJORA_IDP_PORT", ports.get("idp").toString());
        environment.put("MEJORA_IDP_URL", "http://localhost:" + ports.get("idp"));
        environment.put("MEJORA_IDP_USERS", "file:" + users);
        environment.put("MEJORA_PUBLIC_URL", webUrl());
        environment.put("MEJORA_WEB_PORT", ports.get("web").toString());
        environment.put("MEJORA_WEB_URL", "http://localhost:" + ports.get("web"));
        environment.put("MEJORA_GATEWAY_URL", "http://localhost:" + ports.get("gateway"));
        environment.put("MEJORA_PLAN_PORT", ports.get("plan").toString());
        environment.put("MEJORA_EVALUATION_PORT", ports.get("evaluation").toString());
        environment.put("MEJORA_REPORTING_PORT", ports.get("reporting").toString());
        environment.put("MEJORA_GATEWAY_PORT", ports.get("gateway").toString());
        environment.put("MEJORA_PLAN_URL", "http://localhost:" + ports.get("plan"));
        environment.put("MEJORA_EVALUATION_URL", "http://localhost:" + ports.get("evaluation"));
        environment.put("MEJORA_REPORTING_URL", "http://localhost:" + ports.get("reporting"));
        // Own consumer groups: never share partitions with a demo system, the services' own tests, or a system run on
        // another set of databases (its plan-service would open the individual plans this run's evaluations ask for).
        String set = System.getenv().getOrDefault("MEJORA_TEST_DB_SET", "system");
        environment.put("MEJORA_PLAN_CONSUMER_GROUP", "plan-system-" + set);
        environment.put("MEJORA_EVALUATION_CONSUMER_GROUP", "evaluation-system-" + set);
        environment.put("MEJORA_REPORTING_CONSUMER_GROUP", "reporting-system-" + set);
        environment.put("MEJORA_OTLP_ENDPOINT", traces.endpoint());
        // Spans leave each service half a second after they end, not five (Boot's default).
        environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY", "500ms");
        // The line reporting writes per applied event, in the event's trace (TracingIT reads it).
        environment.put("LOGGING_LEVEL_ORG_MEJORA_REPORTING_INGEST", "DEBUG");
        return environment;
    }

    /**
     * kill -9 of a service, then the same service started again on its port: what survives is what it kept outside
     * its memory.
     */
    public synchronized void restart(String service) {
        Process process = processes.remove(service);
        process.destroyForcibly();
        process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        start(jars.get(service), service);
        awaitReady(service);
    }

    private void start(Path jar, String service) {
        jars.put(service, jar);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven's verify phase");
        }
        try {
            Files.createDirectories(logs);
            // Out of memory, a service exits at once (and the test sees it die) rather than linger unable to answer.
            ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
            builder.environment().putAll(environment);
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady(String service) {
        Api api = Api.at("http://localhost:" + ports.get(service));
        Instant deadline = Instant.now().plus(startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (processes.values().stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(service + " or another service died; see " + logs.toAbsolutePath());
            }
            try {
                if (api.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // still starting
            }
            sleep();
        }
        throw new IllegalStateException(service + " not ready within " + startTimeout() + "; see "
                + logs.toAbsolutePath());
    }

    /** 3 minutes; a machine shared with other builds may need more ({@code MEJORA_SYSTEM_START_TIMEOUT=PT10M}). */
    private static Duration startTimeout() {
        return Duration.parse(System.getenv().getOrDefault("MEJORA_SYSTEM_START_TIMEOUT", "PT3M"));
    }

    private void stop() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        traces.stop();
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

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
