package org.mejora.plan.plan.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.contract.Forbidden;
import org.mejora.contract.NotFound;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The dead letters of the intake, for a platform administrator: listed, and replayed one by one once their cause is
 * fixed. A replayed record is applied by plan-service itself rather than re-published on evaluation-service's topic,
 * which other services read too. A record refused again stays where it is (its offset on the DLT names it).
 */
@RestController
@RequestMapping("/api/plans/admin/dead-letters")
@Tag(name = "Dead letters", description = "Eventos apartados por la recepción de planes individuales")
class DeadLetterReplay {

    private static final Duration POLL = Duration.ofSeconds(5);

    private final ConsumerFactory<String, byte[]> consumers;
    private final EvaluationEventIntake intake;

    @SuppressWarnings("unchecked")
    DeadLetterReplay(ConsumerFactory<?, ?> consumers, EvaluationEventIntake intake) {
        this.consumers = (ConsumerFactory<String, byte[]>) consumers;
        this.intake = intake;
    }

    @GetMapping
    @Operation(summary = "Últimos eventos apartados / latest dead-lettered records")
    List<Map<String, Object>> latest(@RequestParam(defaultValue = "50") int limit,
                                     @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireAdmin(user);
        int bounded = Math.max(1, Math.min(limit, 500));
        List<Map<String, Object>> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - bounded));
            }
            Instant deadline = Instant.now().plus(POLL);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> found.add(describe(r)));
            }
        }
        found.sort((a, b) -> String.valueOf(b.get("deadLetteredAt")).compareTo(String.valueOf(a.get("deadLetteredAt"))));
        return found.subList(0, Math.min(bounded, found.size()));
    }

    @PostMapping("/{partition}/{offset}/replay")
    @Operation(summary = "Volver a aplicar un evento apartado / apply a dead-lettered record again")
    Map<String, Object> replay(@PathVariable int partition, @PathVariable long offset,
                               @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        requireAdmin(user);
        ConsumerRecord<String, byte[]> record = read(partition, offset);
        Map<String, Object> outcome = describe(record);
        try {
            intake.apply(record);
            outcome.put("outcome", "APPLIED");
        } catch (RuntimeException e) {
            // Refused again (or the database is away): nothing changed, the record stays on the DLT.
            outcome.put("outcome", IntakeFailures.classify(e) == IntakeFailures.Kind.TRANSIENT ? "RETRY_LATER" : "STILL_REFUSED");
            outcome.put("reason", DeadLetters.reason(e));
        }
        return outcome;
    }

    private ConsumerRecord<String, byte[]> read(int partition, long offset) {
        try (Consumer<String, byte[]> consumer = consumer()) {
            TopicPartition topicPartition = new TopicPartition(DeadLetters.TOPIC, partition);
            if (partitions(consumer).stream().noneMatch(topicPartition::equals)) {
                throw new NotFound("dead letter " + partition + "/" + offset);
            }
            consumer.assign(List.of(topicPartition));
            long start = consumer.beginningOffsets(List.of(topicPartition)).get(topicPartition);
            long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
            if (offset < start || offset >= end) {
                throw new NotFound("dead letter " + partition + "/" + offset);
            }
            consumer.seek(topicPartition, offset);
            Instant deadline = Instant.now().plus(POLL);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw new NotFound("dead letter " + partition + "/" + offset);
        }
    }

    private Consumer<String, byte[]> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Reads by position only (assigned, never subscribed): nothing is committed.
        return consumers.createConsumer(null, "dead-letters", null, overrides);
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
        return consumer.partitionsFor(DeadLetters.TOPIC).stream()
                .map(info -> new TopicPartition(DeadLetters.TOPIC, info.partition())).toList();
    }

    private static Map<String, Object> describe(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("partition", record.partition());
        described.put("offset", record.offset());
        described.put("key", record.key());
        described.put("deadLetteredAt", Instant.ofEpochMilli(record.timestamp()).toString());
        described.put("originalTopic", header(record, "kafka_dlt-original-topic"));
        described.put("originalPartition", header(record, "kafka_dlt-original-partition"));
        described.put("originalOffset", header(record, "kafka_dlt-original-offset"));
        described.put("exception", header(record, "kafka_dlt-exception-cause-fqcn") != null
                ? header(record, "kafka_dlt-exception-cause-fqcn") : header(record, "kafka_dlt-exception-fqcn"));
        described.put("message", header(record, "kafka_dlt-exception-message"));
        return described;
    }

    /** Spring Kafka writes partition and offset as binary ints and longs; the names and messages as text. */
    private static Object header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        byte[] value = header.value();
        if (name.endsWith("-partition") && value.length == 4) {
            return java.nio.ByteBuffer.wrap(value).getInt();
        }
        if (name.endsWith("-offset") && value.length == 8) {
            return java.nio.ByteBuffer.wrap(value).getLong();
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static void requireAdmin(VerifiedUser user) {
        // Dead letters span institutions: a platform administrator's matter, not an institution's ADMIN's.
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new Forbidden("dead letters need PLATFORM_ADMIN");
        }
    }
}
