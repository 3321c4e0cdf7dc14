package org.mejora.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operations files as far as this machine can check them without a Docker engine or a cluster: every file
 * parses, the required fields are there, every metric a dashboard or an alert names is one the services expose,
 * and the validators found on the PATH (promtool, yamllint, kubectl kustomize) accept them.
 */
class OperationsFilesTest {

    private static final Path ROOT = findRoot();
    private static final Path INFRA = ROOT.resolve("infra");
    private static final Set<String> MEJORA_APPS = Set.of("plan", "evaluation", "reporting", "gateway", "web");

    /**
     * Metric families that the frameworks register in every service (Spring Boot's http.server.requests, HikariCP,
     * the JVM, the Kafka clients bound by Boot's KafkaMetricsAutoConfiguration), the Kafka exporter of compose and
     * of Strimzi, and Prometheus itself. The services' own meters are read from their source (see {@link #exposed}).
     */
    private static final Set<String> FRAMEWORK_METRICS = Set.of(
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max", "http_server_requests_seconds_bucket",
            "hikaricp_connections_active", "hikaricp_connections_pending", "jvm_memory_used_bytes",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_fetch_total",
            "kafka_producer_topic_record_send_total", "kafka_producer_record_error_total",
            "kafka_consumergroup_lag", "up");

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase",
            "irate", "histogram_quantile", "by", "without", "on", "ignoring", "and", "or", "unless", "bool",
            "label_values", "topk", "bottomk", "abs", "offset", "group_left", "group_right");

    private final ObjectMapper json = new ObjectMapper();

    // ---- Kubernetes

    @Test
    void everyServiceDeploymentHasTwoReplicasProbesOnTheHealthGroupsAndResources() {
        List<Map<String, Object>> deployments = k8s().stream().filter(d -> "Deployment".equals(d.get("kind"))).toList();
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> deployment : deployments) {
            String name = str(at(deployment, "metadata", "name"));
            names.add(name);
            assertThat(at(deployment, "spec", "replicas")).as(name + " replicas").isEqualTo(2);
            for (Map<String, Object> container : list(at(deployment, "spec", "template", "spec", "containers"))) {
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    assertThat(at(container, probe, "httpGet", "path")).as(name + " " + probe).isNotNull();
                }
                if (MEJORA_APPS.contains(name)) {
                    assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
                    assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
                }
                assertThat(at(container, "resources", "requests", "memory")).as(name + " requests").isNotNull();
                assertThat(at(container, "resources", "requests", "cpu")).as(name + " requests").isNotNull();
                assertThat(at(container, "resources", "limits", "memory")).as(name + " limits").isNotNull();
                for (Map<String, Object> env : list(container.get("env"))) {
                    String variable = str(env.get("name"));
                    if (variable.matches(".*(PASSWORD|SECRET).*")) {
                        assertThat(env).as(name + " " + variable + " from a Secret").doesNotContainKey("value")
                                .containsKey("valueFrom");
                    }
                }
            }
        }
        assertThat(names).containsAll(MEJORA_APPS).contains("keycloak");
        Set<String> services = new TreeSet<>();
        k8s().stream().filter(d -> "Service".equals(d.get("kind"))).forEach(s -> services.add(str(at(s, "metadata", "name"))));
        assertThat(services).containsAll(names);
    }

    @Test
    void kafkaHasThreeBrokersTwoInSyncReplicasAndEveryTopicOfTheScriptsKeptForEver() {
        Map<String, Object> pool = single("KafkaNodePool");
        assertThat(at(pool, "spec", "replicas")).isEqualTo(3);
        assertThat(list(at(pool, "spec", "roles"))).isNotEmpty();
        assertThat(String.valueOf(at(single("Kafka"), "spec", "kafka", "config", "min.insync.replicas"))).isEqualTo("2");
        Set<String> topics = new TreeSet<>();
        for (Map<String, Object> topic : k8s().stream().filter(d -> "KafkaTopic".equals(d.get("kind"))).toList()) {
            topics.add(str(at(topic, "spec", "topicName")));
            assertThat(String.valueOf(at(topic, "spec", "config", "retention.ms"))).isEqualTo("-1");
            assertThat(at(topic, "spec", "replicas")).isEqualTo(3);
        }
        assertThat(topics).isEqualTo(scriptTopics());
        assertThat(at(single("Cluster"), "spec", "instances")).isEqualTo(3);
    }

    @Test
    void noOperationsFileNamesTheGatewaySecretOrHoldsAPassword() throws IOException {
        for (Path file : files(INFRA.resolve("compose"), INFRA.resolve("k8s"))) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContain("MEJORA_GATEWAY_SECRET");
            assertThat(text).as(file.toString()).doesNotContainPattern("(?i)password[\"']?[ \t]*[:=][ \t]*[\"']?[A-Za-z0-9]{6,}");
        }
    }

    @Test
    void everyMejoraVariableTheFilesSetIsOneAServiceReads() {
        Set<String> read = readVariables();
        Set<String> set = new TreeSet<>();
        for (Map<String, Object> d : k8s()) {
            if ("ConfigMap".equals(d.get("kind")) && "mejora-config".equals(at(d, "metadata", "name"))) {
                set.addAll(map(d.get("data")).keySet());
            }
            if ("Deployment".equals(d.get("kind")) && MEJORA_APPS.contains(str(at(d, "metadata", "name")))) {
                for (Map<String, Object> c : list(at(d, "spec", "template", "spec", "containers"))) {
                    list(c.get("env")).forEach(e -> set.add(str(e.get("name"))));
                }
            }
        }
        Map<String, Object> compose = yaml(INFRA.resolve("compose/docker-compose.yml")).get(0);
        map(compose.get("services")).forEach((name, service) -> {
            if (MEJORA_APPS.contains(name)) {
                set.addAll(map(map(service).get("environment")).keySet());
            }
        });
        assertThat(set.stream().filter(v -> v.startsWith("MEJORA_")).toList()).isNotEmpty().allSatisfy(v ->
                assertThat(read).as("read by a service's application.yml").contains(v));
    }

    // ---- Compose

    @Test
    void composeBuildsEveryServiceFromAJarOfTheBuildAndMountsFilesThatExist() {
        Map<String, Object> compose = yaml(INFRA.resolve("compose/docker-compose.yml")).get(0);
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services.keySet()).containsAll(MEJORA_APPS)
                .contains("postgres", "kafka", "keycloak", "prometheus", "grafana");
        Path composeDir = INFRA.resolve("compose");
        services.forEach((name, raw) -> {
            Map<String, Object> service = map(raw);
            if (service.get("build") != null) {
                Map<String, Object> build = map(service.get("build"));
                Path context = composeDir.resolve(str(build.get("context"))).normalize();
                assertThat(context.resolve(str(build.get("dockerfile")))).as(name + " Dockerfile").isRegularFile();
                String jar = str(map(build.get("args")).get("JAR"));
                Path module = context.resolve(jar.substring(0, jar.indexOf("/target/")));
                assertThat(module.resolve("pom.xml")).as(name + " jar's module").isRegularFile();
                assertThat(unchecked(module.resolve("pom.xml")))
                        .contains("<artifactId>" + jar.substring(jar.lastIndexOf('/') + 1).replace("-0.1.0-SNAPSHOT.jar", "") + "</artifactId>");
            }
            for (Object volume : list(service.get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(composeDir.resolve(source).normalize()).as(name + " mounts " + source).exists();
                }
            }
            for (String dependency : dependsOn(service.get("depends_on"))) {
                assertThat(services).as(name + " depends on").containsKey(dependency);
            }
            if (MEJORA_APPS.contains(name)) {
                assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
                assertThat(str(service.get("restart"))).isEqualTo("unless-stopped");
            }
        });
        String topics = String.valueOf(map(services.get("kafka-topics")).get("command"));
        scriptTopics().forEach(topic -> assertThat(topics).contains(topic));
    }

    // ---- Prometheus and Grafana

    @Test
    void alertRulesNameOnlyMetricsTheServicesExpose() {
        Set<String> exposed = exposed();
        Map<String, Object> rules = yaml(INFRA.resolve("prometheus/alerts.yml")).get(0);
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : list(rules.get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                alerts.add(str(rule.get("alert")));
                assertThat(at(rule, "labels", "severity")).isNotNull();
                assertThat(at(rule, "annotations", "summary")).isNotNull();
                assertThat(metricsOf(str(rule.get("expr")))).as(str(rule.get("alert"))).isNotEmpty()
                        .allSatisfy(metric -> assertThat(exposed).as("exposed").contains(metric));
            }
        }
        assertThat(alerts).contains("MejoraConsumerLagHigh", "MejoraEventsDeadLettered", "MejoraHttp5xx");
    }

    @Test
    void everyDashboardPanelQueriesAMetricTheServicesExposeFromTheProvisionedDatasource() throws IOException {
        Set<String> exposed = exposed();
        Map<String, Object> datasources = yaml(INFRA.resolve("grafana/provisioning/datasources/prometheus.yml")).get(0);
        String uid = str(list(datasources.get("datasources")).get(0).get("uid"));
        List<Path> dashboards = files(INFRA.resolve("grafana/dashboards"));
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : dashboards) {
            JsonNode dashboard = json.readTree(file.toFile());
            assertThat(dashboard.path("uid").asText()).isNotBlank();
            Set<Integer> ids = new TreeSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(uid);
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(metricsOf(target.path("expr").asText())).as(panel.path("title").asText()).isNotEmpty()
                            .allSatisfy(metric -> assertThat(exposed).as("exposed").contains(metric));
                }
            }
        }
    }

    @Test
    void prometheusOfComposeScrapesEveryServiceWhereItListens() {
        Map<String, Object> config = yaml(INFRA.resolve("prometheus/prometheus-compose.yml")).get(0);
        Map<String, Object> mejora = list(config.get("scrape_configs")).get(0);
        assertThat(mejora.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Object targets = list(mejora.get("static_configs")).get(0).get("targets");
        assertThat(((List<?>) targets).stream().map(String::valueOf).toList()).contains("plan:8081", "evaluation:8082", "reporting:8083", "gateway:8080", "web:8084");
    }

    // ---- Validators installed on this machine (skipped where absent)

    @Test
    void promtoolAcceptsTheRulesAndTheConfiguration() throws Exception {
        assumeTrue(onPath("promtool"), "promtool not installed (Debian package prometheus)");
        assertThat(run("promtool", "check", "rules", INFRA.resolve("prometheus/alerts.yml").toString())).isZero();
        // The configuration names the rules where compose mounts them; check a copy that names them here.
        Path copy = Files.createTempDirectory("prometheus");
        Files.copy(INFRA.resolve("prometheus/alerts.yml"), copy.resolve("alerts.yml"));
        Files.writeString(copy.resolve("prometheus.yml"), Files.readString(INFRA.resolve("prometheus/prometheus-compose.yml"))
                .replace("/etc/prometheus/alerts.yml", copy.resolve("alerts.yml").toString()));
        assertThat(run("promtool", "check", "config", copy.resolve("prometheus.yml").toString())).isZero();
    }

    @Test
    void yamllintAcceptsEveryYamlFile() {
        assumeTrue(onPath("yamllint"), "yamllint not installed (Debian package yamllint)");
        List<String> command = new ArrayList<>(List.of("yamllint", "-s", "-c", INFRA.resolve("ops-check/yamllint.yml").toString()));
        files(INFRA.resolve("compose"), INFRA.resolve("k8s"), INFRA.resolve("prometheus"), INFRA.resolve("grafana"))
                .stream().filter(OperationsFilesTest::isYaml).forEach(p -> command.add(p.toString()));
        assertThat(run(command.toArray(String[]::new))).isZero();
    }

    @Test
    void dockerComposeValidatesTheFileAndRefusesToRunWithoutTheSecrets() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose not installed (Debian package docker-compose)");
        Path file = INFRA.resolve("compose/docker-compose.yml");
        Map<String, String> secrets = Map.of("POSTGRES_PASSWORD", "x", "MEJORA_DB_PASSWORD_PLAN", "x",
                "MEJORA_DB_PASSWORD_EVALUATION", "x", "MEJORA_DB_PASSWORD_REPORTING", "x", "MEJORA_DB_PASSWORD_WEB", "x",
                "KEYCLOAK_ADMIN", "x",
                "KEYCLOAK_ADMIN_PASSWORD", "x", "GRAFANA_ADMIN_PASSWORD", "x");
        // An empty folder as project directory: no .env of a developer's is read.
        Path empty = Files.createTempDirectory("compose");
        String[] command = {"docker-compose", "--project-directory", empty.toString(), "-f", file.toString(),
                "config", "-q"};
        assertThat(run(secrets, command)).as("valid with the secrets given").isZero();
        assertThat(run(Map.of(), command)).as("refused without them").isNotZero();
    }

    @Test
    void kustomizeBuildsTheProductionOverlay() {
        assumeTrue(onPath("kubectl"), "kubectl not installed");
        assertThat(run("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone",
                INFRA.resolve("k8s/overlays/production").toString())).isZero();
    }

    // ---- what the services expose and read

    /** Framework metrics plus every meter the services' code registers, in Prometheus' names. */
    static Set<String> exposed() {
        Set<String> names = new TreeSet<>(FRAMEWORK_METRICS);
        Pattern meter = Pattern.compile("(counter|Counter\\.builder|gauge|Gauge\\.builder|timer|Timer\\.builder)\\(\\s*\"([a-z0-9.]+)\"");
        for (Path source : javaSources()) {
            Matcher m = meter.matcher(unchecked(source));
            while (m.find()) {
                String base = m.group(2).replace('.', '_');
                switch (m.group(1).toLowerCase().replace(".builder", "")) {
                    case "counter" -> names.add(base + "_total");
                    case "timer" -> names.addAll(List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max"));
                    default -> names.add(base);
                }
            }
        }
        return names;
    }

    /** Every ${MEJORA_...} an application.yml of the services reads. */
    static Set<String> readVariables() {
        Set<String> read = new TreeSet<>();
        Pattern variable = Pattern.compile("\\$\\{(MEJORA_[A-Z0-9_]+)");
        try (Stream<Path> paths = Files.walk(ROOT)) {
            paths.filter(p -> p.getFileName().toString().equals("application.yml"))
                    .filter(p -> p.toString().contains("src/main/resources") && !p.toString().contains("/target/"))
                    .forEach(p -> {
                        Matcher m = variable.matcher(unchecked(p));
                        while (m.find()) {
                            read.add(m.group(1));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** The metric names of a PromQL expression: what is left once labels, ranges, strings and functions are gone. */
    static Set<String> metricsOf(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            String token = m.group();
            if (!PROMQL_WORDS.contains(token) && !token.startsWith("$")) {
                metrics.add(token);
            }
        }
        return metrics;
    }

    private static Set<String> scriptTopics() {
        Matcher m = Pattern.compile("MEJORA_KAFKA_TOPICS=\\(([^)]*)\\)").matcher(unchecked(INFRA.resolve("lib/env.sh")));
        assertThat(m.find()).isTrue();
        return new TreeSet<>(List.of(m.group(1).trim().split("\\s+")));
    }

    private static List<Path> javaSources() {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main/java")
                    && !p.toString().contains("/target/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers

    private static List<Map<String, Object>> k8s() {
        List<Map<String, Object>> documents = new ArrayList<>();
        files(INFRA.resolve("k8s")).stream().filter(OperationsFilesTest::isYaml)
                .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                .forEach(p -> documents.addAll(yaml(p)));
        return documents;
    }

    private static Map<String, Object> single(String kind) {
        List<Map<String, Object>> found = k8s().stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(unchecked(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        assertThat(documents).as(file.toString()).isNotEmpty();
        return documents;
    }

    private static List<Path> files(Path... folders) {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.filter(Files::isRegularFile).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static Iterable<String> dependsOn(Object raw) {
        if (raw instanceof Map<?, ?> m) {
            return m.keySet().stream().map(String::valueOf).toList();
        }
        return raw == null ? List.of() : ((List<?>) raw).stream().map(String::valueOf).toList();
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static String unchecked(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static int run(String... command) {
        return run(Map.of(), command);
    }

    private static int run(Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().putAll(environment);
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("infra/lib/env.sh"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("project root").isNotNull();
        return dir;
    }
}
