package org.mejora.plan.plan.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the intake of evaluation events fails. The default of Spring Kafka (ten quick retries, then skip) could lose a
 * required individual plan to a short database outage. Here a record waits for as long as the database is away,
 * and only a record that can never apply goes to the dead-letter topic, counted and shown in health.
 */
@Configuration(proxyBeanMethods = false)
class IntakeErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(IntakeErrorHandling.class);

    /** Boot's listener container factory picks this up as its common error handler. */
    @Bean
    DefaultErrorHandler intakeErrorHandler(KafkaOperations<?, ?> kafka, DeadLetters deadLetters, MeterRegistry meters,
                                           @Value("${mejora.intake.retry.initial-ms:500}") long initialMs,
                                           @Value("${mejora.intake.retry.max-interval-ms:30000}") long maxIntervalMs,
                                           @Value("${mejora.intake.retry.unknown-attempts:5}") long unknownAttempts) {
        // Same partition count as the source topic is not assumed: the key (aggregate id) picks the partition.
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(DeadLetters.TOPIC, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            publisher.accept(record, failure);
            deadLetters.recorded(record, failure);
            log.error("dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    DeadLetters.TOPIC, DeadLetters.reason(failure));
        }, untilItPasses(initialMs, maxIntervalMs));
        handler.addNotRetryableExceptions(UnreadableRecord.class, org.mejora.contract.RuleViolation.class);
        handler.setBackOffFunction((record, failure) -> backOffFor(failure, initialMs, maxIntervalMs, unknownAttempts));
        // Registered up front so that the alert's rate exists (at 0) before the first retry.
        for (IntakeFailures.Kind kind : IntakeFailures.Kind.values()) {
            meters.counter("mejora.plan.intake.retries", "kind", kind.name().toLowerCase());
        }
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                IntakeFailures.Kind kind = IntakeFailures.classify(failure);
                meters.counter("mejora.plan.intake.retries", "kind", kind.name().toLowerCase()).increment();
                if (kind != IntakeFailures.Kind.POISON && (attempt == 1 || attempt % 10 == 0)) {
                    log.warn("intake of {}-{}@{} failed ({}, attempt {}), backing off: {}", record.topic(),
                            record.partition(), record.offset(), kind, attempt, DeadLetters.reason(failure));
                }
            }
        });
        return handler;
    }

    /** The back-off of one failed record: unbounded while the database is away, a few attempts otherwise. */
    static BackOff backOffFor(Exception failure, long initialMs, long maxIntervalMs, long unknownAttempts) {
        if (IntakeFailures.classify(failure) == IntakeFailures.Kind.TRANSIENT) {
            return untilItPasses(initialMs, maxIntervalMs);
        }
        ExponentialBackOff bounded = untilItPasses(initialMs, maxIntervalMs);
        bounded.setMaxAttempts(unknownAttempts);
        return bounded;
    }

    /**
     * No maximum elapsed time and no maximum of attempts; the interval stays well below the consumer's
     * max.poll.interval.ms (5 min), so a waiting consumer keeps its partitions.
     */
    static ExponentialBackOff untilItPasses(long initialMs, long maxIntervalMs) {
        ExponentialBackOff backOff = new ExponentialBackOff(initialMs, 2.0);
        backOff.setMaxInterval(maxIntervalMs);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }
}
