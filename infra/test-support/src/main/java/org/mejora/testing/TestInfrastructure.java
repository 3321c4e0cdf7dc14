package org.mejora.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The real PostgreSQL and Kafka of a test run, started at most once per JVM. Where a Docker engine runs they are
 * Testcontainers; otherwise they are the servers that {@code infra/test.sh} started once for the whole run
 * (override with {@code MEJORA_TEST_INFRA=local|testcontainers}). Tests isolate themselves by data (fresh ids,
 * their own institution), never by restarting servers.
 */
public final class TestInfrastructure {

    public static final List<String> SERVICES = List.of("plan", "evaluation", "reporting", "web");
    public static final List<String> TOPICS = List.of("mejora.plan.events", "mejora.evaluation.events",
            "mejora.plan.checkpoints", "mejora.evaluation.checkpoints", "mejora.evaluation.events.plan-service.dlt");
    private static final int PARTITIONS = 6;

    private static TestInfrastructure instance;

    private final String dbHost;
    private final int dbPort;
    private final String kafkaBootstrap;
    private final String mode;

    private TestInfrastructure(String mode, String dbHost, int dbPort, String kafkaBootstrap) {
        this.mode = mode;
        this.dbHost = dbHost;
        this.dbPort = dbPort;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** The servers of this run, started on first use. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = useContainers() ? startContainers() : local();
            instance.ensureTopics();
        }
        return instance;
    }

    public String mode() {
        return mode;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /**
     * JDBC URL of a service's database for one kind of test run, e.g. {@code jdbcUrl("plan", "test")}.
     * {@code MEJORA_TEST_DB_SET} puts every purpose in one other set ({@code plan_<set>}), so that a second suite
     * can run beside another on the same server.
     */
    public String jdbcUrl(String service, String purpose) {
        return "jdbc:postgresql://%s:%d/%s_%s".formatted(dbHost, dbPort, service, env("MEJORA_TEST_DB_SET", purpose));
    }

    public String dbUser(String service) {
        return service;
    }

    public String dbPassword(String service) {
        return env("MEJORA_DB_PASSWORD_" + service.toUpperCase(), service);
    }

    /** The SMTP server of this run (infra/mail.sh's GreenMail, which infra/test.sh starts). */
    public String smtpHost() {
        return env("MEJORA_SMTP_HOST", "localhost");
    }

    public int smtpPort() {
        return Integer.parseInt(env("MEJORA_SMTP_PORT", "3025"));
    }

    /** GreenMail's REST API, where tests read what was delivered to an address. */
    public String mailApiUrl() {
        return "http://localhost:" + env("MEJORA_MAIL_API_PORT", "8085");
    }

    /** The environment a service process needs to reach this run's servers with the given database purpose. */
    public Map<String, String> serviceEnvironment(String purpose) {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("MEJORA_KAFKA_BOOTSTRAP", kafkaBootstrap);
        environment.put("MEJORA_SMTP_HOST", smtpHost());
        environment.put("MEJORA_SMTP_PORT", String.valueOf(smtpPort()));
        for (String service : SERVICES) {
            String prefix = "MEJORA_" + service.toUpperCase() + "_DB_";
            environment.put(prefix + "URL", jdbcUrl(service, purpose));
            environment.put(prefix + "USER", dbUser(service));
            environment.put(prefix + "PASSWORD", dbPassword(service));
        }
        return environment;
    }

    private static boolean useContainers() {
        String chosen = env("MEJORA_TEST_INFRA", "auto");
        return switch (chosen) {
            case "testcontainers" -> true;
            case "local" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    private static TestInfrastructure local() {
        String bootstrap = env("MEJORA_KAFKA_BOOTSTRAP", "localhost:9092");
        return new TestInfrastructure("local", env("MEJORA_DB_HOST", "localhost"),
                Integer.parseInt(env("MEJORA_DB_PORT", "5432")), bootstrap);
    }

    @SuppressWarnings("resource") // the containers live as long as the JVM; Testcontainers' reaper removes them
    private static TestInfrastructure startContainers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        postgres.start();
        kafka.start();
        createDatabases(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        return new TestInfrastructure("testcontainers", postgres.getHost(), postgres.getMappedPort(5432),
                kafka.getBootstrapServers());
    }

    /** The same roles and databases that infra/postgres.sh creates on a local server. */
    private static void createDatabases(String adminUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String service : SERVICES) {
                statement.execute("create role %s login password '%s'".formatted(service, service));
                for (String purpose : List.of("test", "system", "bench")) {
                    statement.execute("create database %s_%s owner %s".formatted(service, purpose, service));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test databases", e);
        }
    }

    private void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
            for (String topic : TOPICS) {
                NewTopic newTopic = new NewTopic(topic, PARTITIONS, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
                try {
                    admin.createTopics(List.of(newTopic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
