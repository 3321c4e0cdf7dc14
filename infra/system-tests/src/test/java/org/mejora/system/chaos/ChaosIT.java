package org.mejora.system.chaos;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite (infra/chaos.sh runs it at full size): a mixed write burst through the gateway and, in turn, one
 * fault in its middle — kill -9 of a service (every instance of it), of one instance of a pair, of the Kafka broker,
 * a PostgreSQL restart — and after each recovery nothing acknowledged is lost, nothing is applied twice, every
 * required individual plan is opened exactly once and reporting equals the producers. Prints the table of faults ×
 * outcomes (also in target/chaos-report.md) and the write mix's throughput without a fault.
 *
 * <p>Sizes: system properties {@code mejora.chaos.faults} (comma-separated: none, plan, evaluation, reporting,
 * gateway, plan-1, evaluation-1, reporting-1, kafka, postgres), {@code mejora.chaos.instances} (processes of plan-,
 * evaluation- and reporting-service, e.g. {@code 2} or {@code plan=2,evaluation=1}), {@code mejora.chaos.clients},
 * {@code mejora.chaos.burst-seconds}. The build's small size kills one of two plan-service instances, reporting-service
 * and the broker; the PostgreSQL restart runs only on a cluster infra/ started (or with
 * {@code -Dmejora.chaos.restart-postgres=true}).
 */
class ChaosIT {

    private static final List<String> FAULTS = List.of(System.getProperty("mejora.chaos.faults",
            "none,plan-1,reporting,kafka,postgres").split(","));
    private static final int CLIENTS = Integer.getInteger("mejora.chaos.clients", 4);
    private static final int BURST_SECONDS = Integer.getInteger("mejora.chaos.burst-seconds", 10);
    /** How long a killed unit stays down before it is started again, as a supervisor's back-off would. */
    private static final int DOWN_SECONDS = Integer.getInteger("mejora.chaos.down-seconds", 2);

    private static ChaosCluster cluster;
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    @BeforeAll
    static void startCluster() {
        cluster = new ChaosCluster(instances(System.getProperty("mejora.chaos.instances", "plan=2")));
        cluster.start();
        warmUp();
    }

    /** Cold services answer their first commands slowly: the rounds start once one plan is created in time. */
    private static void warmUp() {
        org.mejora.testing.Api owner = org.mejora.testing.Api.at("http://localhost:" + cluster.port("gateway"))
                .bearer(org.mejora.testing.TestTokens.token("warm-up", "chaos-" + RUN + "-warm-up", "PLAN_OWNER"));
        Instant deadline = Instant.now().plus(ChaosCluster.START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (owner.post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"Calentamiento\",\"period\":\"2026\"}")
                        .status() == 201) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still warming up
            }
            ChaosCluster.sleep(1000);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nothingAcknowledgedIsLostOrAppliedTwiceWhateverDies() {
        List<Row> rows = new ArrayList<>();
        for (String fault : FAULTS) {
            rows.add(round(fault.trim(), rows.size()));
        }
        String table = table(rows);
        System.out.println(table);
        try {
            Files.writeString(Path.of("target", "chaos-report.md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Row row : rows) {
            if (row.skipped == null) {
                assertThat(row.findings.clean()).as("after %s: %s", row.fault, row.findings).isTrue();
                assertThat(row.acknowledged).as("commands acknowledged around %s", row.fault).isPositive();
            }
        }
    }

    private record Row(String fault, String skipped, int acknowledged, int failed, double perSecond,
                       double recoverySeconds, ChaosChecks.Findings findings, Map<String, Integer> reasons) {
    }

    /** @param index the round's place in the run: a fault named twice gets an institution of its own each time */
    private Row round(String fault, int index) {
        if (!applies(fault)) {
            return new Row(fault, skipReason(fault), 0, 0, 0, 0, null, Map.of());
        }
        String institution = "chaos-" + RUN + "-" + index + "-" + fault.replace('-', '_');
        String gatewayUrl = "http://localhost:" + cluster.port("gateway");
        WriteBurst burst = new WriteBurst(gatewayUrl, institution, CLIENTS);
        burst.start();
        Instant started = Instant.now();
        ChaosCluster.sleep(BURST_SECONDS * 1000L / 3);
        Instant faulted = Instant.now();
        inject(fault);
        double recovery = Duration.between(faulted, Instant.now()).toMillis() / 1000.0;
        // Writes go on for a while after the recovery too, so that they meet a recovered system.
        long rest = Math.max(BURST_SECONDS * 1000L - Duration.between(started, Instant.now()).toMillis(),
                BURST_SECONDS * 1000L / 3);
        ChaosCluster.sleep(rest);
        burst.stop();
        ChaosChecks.Findings findings = new ChaosChecks(gatewayUrl, institution)
                .awaitClean(burst.ledger(), Duration.ofSeconds(Integer.getInteger("mejora.chaos.check-seconds", 120)));
        Row row = new Row(fault, null, burst.ledger().acknowledged.get(), burst.ledger().failed.get(),
                burst.throughput(), fault.equals("none") ? 0 : recovery, findings, Map.copyOf(burst.ledger().reasons));
        System.out.printf("CHAOS %s: %d acknowledged, %d failed (%s), %.1f/s, recovered in %.1f s, %s%n", fault,
                row.acknowledged, row.failed, row.reasons, row.perSecond, row.recoverySeconds, findings);
        return row;
    }

    private boolean applies(String fault) {
        if (fault.equals("postgres")) {
            return cluster.mayRestartPostgres();
        }
        if (fault.matches(".*-\\d")) {
            return cluster.unitsOf(ChaosCluster.app(fault)).contains(fault);
        }
        return true;
    }

    private String skipReason(String fault) {
        return fault.equals("postgres")
                ? "skipped: the PostgreSQL cluster is not this run's own (-Dmejora.chaos.restart-postgres=true)"
                : "skipped: " + ChaosCluster.app(fault) + " runs as one instance";
    }

    /** The fault, then what a supervisor does: start it again; returns once every unit is ready again. */
    private void inject(String fault) {
        switch (fault) {
            case "none" -> {
            }
            case "kafka" -> {
                cluster.killKafka();
                ChaosCluster.sleep(DOWN_SECONDS * 1000L);
                cluster.startKafka();
            }
            case "postgres" -> cluster.restartPostgres();
            default -> {
                List<String> units = fault.matches(".*-\\d") ? List.of(fault) : cluster.unitsOf(fault);
                if (units.isEmpty()) {
                    throw new IllegalArgumentException("no such fault: " + fault);
                }
                units.forEach(cluster::kill);
                ChaosCluster.sleep(DOWN_SECONDS * 1000L);
                units.forEach(cluster::restart);
            }
        }
        cluster.units().forEach(unit -> cluster.awaitReady(unit, ChaosCluster.START_TIMEOUT));
    }

    private static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("\n## Faults × outcomes (").append(CLIENTS).append(" clients, ")
                .append(BURST_SECONDS).append(" s bursts; instances: ").append(cluster.instanceSummary())
                .append(")\n\n")
                .append("| fault | acknowledged | failed during the fault | commands/s | recovered in | lost (producer)"
                        + " | lost (reporting) | duplicates | individual plans opened once | reconciliation differences"
                        + " | outcome |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            if (row.skipped != null) {
                out.append("| ").append(label(row.fault)).append(" | – | – | – | – | – | – | – | – | – | ")
                        .append(row.skipped).append(" |\n");
                continue;
            }
            ChaosChecks.Findings f = row.findings;
            out.append("| %s | %d | %d | %.1f | %s | %d | %d | %d | %d/%d | %d | %s |\n".formatted(label(row.fault),
                    row.acknowledged, row.failed, row.perSecond,
                    row.fault.equals("none") ? "–" : "%.1f s".formatted(row.recoverySeconds), f.lostInProducer(),
                    f.lostInReporting(), f.duplicates(), f.individualOpenedOnce(), f.individualRequired(),
                    f.reconciliationDifferences(), f.clean() ? "ok" : "FAILED: " + f.firstProblem()));
        }
        return out.toString();
    }

    private static String label(String fault) {
        return switch (fault) {
            case "none" -> "none (throughput)";
            case "kafka" -> "kill -9 Kafka broker";
            case "postgres" -> "PostgreSQL restart";
            default -> fault.matches(".*-\\d") ? "kill -9 " + fault + " (one of a pair)"
                    : "kill -9 " + fault + (cluster.instancesOf(fault) > 1 ? " (every instance)" : "");
        };
    }

    static Map<String, Integer> instances(String spec) {
        Map<String, Integer> instances = new LinkedHashMap<>();
        if (spec.matches("\\d")) {
            for (String service : List.of("plan", "evaluation", "reporting")) {
                instances.put(service, Integer.parseInt(spec));
            }
            return instances;
        }
        Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(pair -> {
            String[] parts = pair.split("=");
            instances.put(parts[0], Integer.parseInt(parts[1]));
        });
        return instances;
    }
}
