package org.mejora.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mejora.envelope.EnvelopeCodec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bench broker: end offsets, the plain-consumer limit, and Kafka's own performance tools as baselines. */
final class KafkaFigures {

    static final List<String> TOPICS = List.of("mejora.plan.events", "mejora.evaluation.events");
    static final String SCRATCH_TOPIC = "bench.scratch";

    /** @param perSecond records per second; NaN when the tool's output could not be read */
    record Rate(long records, double seconds, double perSecond, String detail) {
    }

    private final String bootstrap;

    KafkaFigures(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    long total(List<String> topics) throws Exception {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A fresh six-partition scratch topic for the perf tools, never one the services read. */
    void recreateScratch() throws Exception {
        try (Admin admin = admin()) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(SCRATCH_TOPIC)) {
                admin.deleteTopics(Set.of(SCRATCH_TOPIC)).all().get(30, TimeUnit.SECONDS);
                Thread.sleep(2_000);
            }
            admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads {@code topics} from the beginning to their current end with one plain consumer, as the reporting
     * ingestion does (manual assignment, 1000 records a poll); with {@code decode} each value is also parsed as an
     * envelope, which separates the cost of JSON from the cost of fetching.
     */
    Rate plainConsume(List<String> topics, boolean decode) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-plain-consumer");
        EnvelopeCodec codec = new EnvelopeCodec();
        long records = 0;
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>(ends.keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> record : polled) {
                    records++;
                    bytes += record.value() == null ? 0 : record.value().length;
                    if (decode) {
                        codec.read(record.value());
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(records, seconds, records / seconds,
                String.format("%,d records, %.1f MB, avg %d B", records, bytes / 1e6,
                        records == 0 ? 0 : bytes / records));
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** Kafka's ProducerPerformance on the scratch topic, with the services' producer settings (acks=all). */
    Rate producerPerformance(Path libs, long records, int recordSize) throws Exception {
        List<String> output = tool(libs, "org.apache.kafka.tools.ProducerPerformance", "--topic", SCRATCH_TOPIC,
                "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "linger.ms=20", "batch.size=262144");
        String last = output.stream().filter(line -> line.contains("records sent")).reduce((a, b) -> b).orElse("");
        Matcher rate = Pattern.compile("([\\d.]+) records/sec").matcher(last);
        return rate.find()
                ? new Rate(records, records / Double.parseDouble(rate.group(1)), Double.parseDouble(rate.group(1)),
                last.trim())
                : new Rate(records, Double.NaN, Double.NaN, "unreadable output: " + String.join(" / ", output));
    }

    /** Kafka's ConsumerPerformance reading the scratch topic that ProducerPerformance just wrote. */
    Rate consumerPerformance(Path libs, long records) throws Exception {
        List<String> output = tool(libs, "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                bootstrap, "--topic", SCRATCH_TOPIC, "--messages", Long.toString(records), "--timeout", "60000");
        return parseConsumerPerformance(records, output);
    }

    /** The header line names the columns; the line after it holds the figures. */
    static Rate parseConsumerPerformance(long records, List<String> output) {
        for (int i = 0; i + 1 < output.size(); i++) {
            if (output.get(i).contains("nMsg.sec")) {
                String[] names = output.get(i).split(",\\s*");
                String[] values = output.get(i + 1).split(",\\s*");
                for (int c = 0; c < names.length && c < values.length; c++) {
                    if (names[c].trim().equals("nMsg.sec")) {
                        double rate = Double.parseDouble(values[c].trim());
                        return new Rate(records, records / rate, rate, output.get(i + 1).trim());
                    }
                }
            }
        }
        return new Rate(records, Double.NaN, Double.NaN, "unreadable output: " + String.join(" / ", output));
    }

    private static List<String> tool(Path libs, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + Path.of(System.getenv().getOrDefault("MEJORA_ROOT", "."),
                        "infra", "kafka", "tools-log4j2.properties"),
                "-cp", libs.resolve("*").toString(), main));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return lines;
    }
}
