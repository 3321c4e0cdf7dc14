package org.mejora.plan.plan.web;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.EvaluationTopics;
import org.mejora.evaluation.api.ImprovementPlanRequired;
import org.mejora.plan.api.IndividualPlanLink;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.plan.command.CreatePlanCommand;
import org.mejora.plan.plan.intake.EvaluationEventIntake;
import org.mejora.plan.plan.intake.IntakeFailures;
import org.mejora.plan.plan.intake.UnreadableRecord;
import org.mejora.plan.plan.query.PlanQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Opens one individual improvement plan per evaluation that requires it (P-TH-10 steps 18-20). The plan id is
 * derived from the evaluation id, so a redelivered event finds its plan already created and changes nothing.
 * A record that cannot be read is thrown as {@link UnreadableRecord} (dead-lettered by
 * {@code IntakeErrorHandling}); a database that is away or locked fails the record, which then waits and is retried.
 */
@Component
class IndividualPlanIntake implements EvaluationEventIntake {

    private static final Logger log = LoggerFactory.getLogger(IndividualPlanIntake.class);

    private final CommandGateway commands;
    private final PlanQueries queries;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final long lockTimeoutMs;

    IndividualPlanIntake(CommandGateway commands, PlanQueries queries, PlatformTransactionManager transactionManager,
                         JdbcClient jdbc, @Value("${mejora.intake.lock-timeout-ms:2000}") long lockTimeoutMs) {
        this.commands = commands;
        this.queries = queries;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.lockTimeoutMs = lockTimeoutMs;
    }

    /** The id of the individual plan of an evaluation: the same on every delivery. */
    static String planIdOf(String evaluationId) {
        return UUID.nameUUIDFromBytes(("individual-plan:" + evaluationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @KafkaListener(topics = EvaluationTopics.EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        apply(record);
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = codec.read(record.value());
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            throw new UnreadableRecord("record %s-%d@%d is no event envelope: %s".formatted(record.topic(),
                    record.partition(), record.offset(), e.getMessage()), e);
        }
        if (!ImprovementPlanRequired.class.getSimpleName().equals(envelope.eventType())) {
            return;
        }
        ImprovementPlanRequired required;
        try {
            required = codec.payload(envelope, ImprovementPlanRequired.class);
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            throw new UnreadableRecord("event %s is no readable ImprovementPlanRequired: %s".formatted(
                    envelope.eventId(), e.getMessage()), e);
        }
        if (required.evaluationId() == null || required.institutionId() == null) {
            throw new UnreadableRecord("event %s names no evaluation or institution".formatted(envelope.eventId()),
                    null);
        }
        String planId = planIdOf(required.evaluationId());
        try {
            // A lock held elsewhere fails the record after a bounded wait (then retried with back-off by the error
            // handler) instead of holding the consumer thread past max.poll.interval.ms.
            transactions.executeWithoutResult(status -> {
                jdbc.sql("select set_config('lock_timeout', :timeout, true)")
                        .param("timeout", lockTimeoutMs + "ms").query().singleValue();
                open(planId, envelope, required);
            });
        } catch (RuntimeException e) {
            // A concurrent delivery may have created it between the check and the command (looked up in a fresh
            // transaction: the failed one is aborted); a database that is away is retried as it is.
            if (IntakeFailures.classify(e) == IntakeFailures.Kind.TRANSIENT || queries.header(planId).isEmpty()) {
                throw e;
            }
            log.debug("individual plan {} of evaluation {} already exists", planId, required.evaluationId());
        }
    }

    private void open(String planId, EventEnvelope envelope, ImprovementPlanRequired required) {
        if (queries.header(planId).isPresent()) {
            return;
        }
        Actor actor = envelope.actor() != null ? envelope.actor() : new Actor("evaluation-service", "HR", null);
        MetaData metaData = MetaData.from(EventMetadata.of(actor, required.institutionId(),
                envelope.correlationId() != null ? envelope.correlationId() : envelope.eventId().toString()));
        CreatePlanCommand command = new CreatePlanCommand(planId, required.institutionId(), PlanKind.INDIVIDUAL,
                "Plan de mejoramiento individual " + required.year() + " - " + required.servantName(),
                null, null, null, required.supervisorName(), null, null, null, String.valueOf(required.year()),
                new IndividualPlanLink(required.servantId(), required.servantName(), required.supervisorId(),
                        required.supervisorName(), required.evaluationId(), required.cycleId(), required.year()));
        commands.sendAndWait(command, metaData);
    }
}
