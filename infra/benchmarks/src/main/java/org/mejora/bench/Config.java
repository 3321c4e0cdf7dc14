package org.mejora.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs, from the environment that infra/bench.sh sets, and the sizes of its mode.
 *
 * @param mode              quick (development, ~3 min), default (~20 min on 2 cores) or full (rebuild at 1M events)
 * @param concurrency       client threads of each write-path level
 * @param secondsPerLevel   how long each (target, level) pair runs
 * @param rebuildSizes      events on the topics at each rebuild (the synthetic ones plus those of the write path)
 * @param auditReads        requests per audit-read measure
 * @param budgetSeconds     the driver's time budget: a later rebuild size that would not fit at the rates measured
 *                          so far is reduced (and the output says so)
 */
record Config(String mode, List<Integer> concurrency, int warmupSeconds, int secondsPerLevel,
              List<Integer> rebuildSizes, int auditReads, int budgetSeconds,
              String gatewayUrl, String planUrl, String evaluationUrl, String reportingUrl,
              Path jwtPrivateKey, String jwtIssuer, String jwtAudience,
              String kafkaBootstrap, Path kafkaLibs, String dbUrl, String dbUser, String dbPassword,
              Path pidDir, Path brokerPidFile, Path resultsDir) {

    static Config from(String mode, Map<String, String> env) {
        String root = env.getOrDefault("MEJORA_ROOT", ".");
        String state = env.getOrDefault("MEJORA_STATE_DIR", root + "/infra/.run/bench");
        String kafkaDir = env.getOrDefault("MEJORA_KAFKA_DIR", state + "/kafka");
        List<Integer> concurrency;
        int warmup;
        int seconds;
        List<Integer> sizes;
        int reads;
        int budget;
        switch (mode) {
            case "quick" -> {
                concurrency = List.of(1, 4);
                warmup = 4;
                seconds = 8;
                sizes = List.of(10_000, 30_000);
                reads = 50;
                budget = 240;
            }
            case "full" -> {
                concurrency = List.of(1, 4, 16);
                warmup = 10;
                seconds = 30;
                sizes = List.of(10_000, 100_000, 1_000_000);
                reads = 200;
                budget = 7_200;
            }
            default -> {
                concurrency = List.of(1, 4, 16);
                warmup = 10;
                seconds = 30;
                sizes = List.of(10_000, 100_000, 250_000);
                reads = 200;
                // 20 minutes for the whole command, less the start of the system and the driver's own tail.
                budget = 1_020;
            }
        }
        String sizesWanted = env.get("MEJORA_BENCH_REBUILD_SIZES");
        if (sizesWanted != null && !sizesWanted.isBlank()) {
            sizes = java.util.Arrays.stream(sizesWanted.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }
        return new Config(mode, concurrency, warmup, seconds, sizes, reads, budget,
                env.getOrDefault("MEJORA_GATEWAY_URL", "http://localhost:18080"),
                env.getOrDefault("MEJORA_PLAN_URL", "http://localhost:18081"),
                env.getOrDefault("MEJORA_EVALUATION_URL", "http://localhost:18082"),
                env.getOrDefault("MEJORA_REPORTING_URL", "http://localhost:18083"),
                Path.of(env.getOrDefault("MEJORA_BENCH_JWT_PRIVATE_KEY", state + "/keys/jwt-private.pem")),
                env.getOrDefault("MEJORA_JWT_ISSUER", "mejora-local"),
                env.getOrDefault("MEJORA_JWT_AUDIENCE", "mejora"),
                env.getOrDefault("MEJORA_KAFKA_BOOTSTRAP", "localhost:19092"),
                Path.of(env.getOrDefault("MEJORA_KAFKA_LIBS", kafkaDir + "/libs")),
                env.getOrDefault("MEJORA_REPORTING_DB_URL", "jdbc:postgresql://localhost:5432/reporting_bench"),
                env.getOrDefault("MEJORA_REPORTING_DB_USER", "reporting"),
                env.getOrDefault("MEJORA_DB_PASSWORD_REPORTING", "reporting"),
                Path.of(state, "pids"), Path.of(kafkaDir, "broker.pid"),
                Path.of(env.getOrDefault("MEJORA_BENCH_RESULTS", root + "/infra/benchmarks/results")));
    }
}
