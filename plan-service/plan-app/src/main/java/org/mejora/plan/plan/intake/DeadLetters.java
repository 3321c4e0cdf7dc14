package org.mejora.plan.plan.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the intake had to set aside. Dead letters keep the service up (they block nothing: the consumer went on),
 * so the indicator stays UP and shows them as details; the metric is what an alert fires on.
 */
@Component("intakeDeadLetters")
public class DeadLetters implements HealthIndicator {

    /** The topic of the evaluation events plan-service could not apply; read by the replay and by operators. */
    public static final String TOPIC = "mejora.evaluation.events.plan-service.dlt";

    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicLong sinceStart = new AtomicLong();
    private final AtomicReference<Map<String, Object>> last = new AtomicReference<>();

    DeadLetters(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        // Registered up front so that a rate over it exists (at 0) before the first dead letter.
        Counter.builder("mejora.plan.intake.dead.lettered").tag("topic", TOPIC)
                .description("Records of evaluation-service set aside on the dead-letter topic").register(meters);
    }

    void recorded(ConsumerRecord<?, ?> record, Exception failure) {
        meters.counter("mejora.plan.intake.dead.lettered", "topic", TOPIC).increment();
        sinceStart.incrementAndGet();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("topic", record.topic());
        detail.put("partition", record.partition());
        detail.put("offset", record.offset());
        detail.put("key", String.valueOf(record.key()));
        detail.put("reason", reason(failure));
        detail.put("at", Instant.now(clock).toString());
        last.set(detail);
    }

    public long sinceStart() {
        return sinceStart.get();
    }

    /** The innermost cause: what actually refused the record, not the listener's wrapper. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("topic", TOPIC).withDetail("deadLetteredSinceStart", sinceStart.get());
        Map<String, Object> latest = last.get();
        if (latest != null) {
            health.withDetail("last", latest);
        }
        return health.build();
    }
}
