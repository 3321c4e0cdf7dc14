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
import org.mejora.plan.plan.query.PlanQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Opens one individual improvement plan per evaluation that requires it (P-TH-10 steps 18-20). The plan id is
 * derived from the evaluation id, so a redelivered event finds its plan already created and changes nothing.
 */
@Component
class IndividualPlanIntake {

    private static final Logger log = LoggerFactory.getLogger(IndividualPlanIntake.class);

    private final CommandGateway commands;
    private final PlanQueries queries;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    IndividualPlanIntake(CommandGateway commands, PlanQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The id of the individual plan of an evaluation: the same on every delivery. */
    static String planIdOf(String evaluationId) {
        return UUID.nameUUIDFromBytes(("individual-plan:" + evaluationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @KafkaListener(topics = EvaluationTopics.EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = codec.read(record.value());
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (!ImprovementPlanRequired.class.getSimpleName().equals(envelope.eventType())) {
            return;
        }
        ImprovementPlanRequired required;
        try {
            required = codec.payload(envelope, ImprovementPlanRequired.class);
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            log.warn("skipping {}: {}", envelope.eventId(), e.getMessage());
            return;
        }
        open(envelope, required);
    }

    private void open(EventEnvelope envelope, ImprovementPlanRequired required) {
        String planId = planIdOf(required.evaluationId());
        if (queries.plan(planId).isPresent()) {
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
        try {
            commands.sendAndWait(command, metaData);
        } catch (RuntimeException e) {
            // A concurrent delivery may have created it between the check and the command; anything else is retried.
            if (queries.plan(planId).isEmpty()) {
                throw e;
            }
            log.debug("individual plan {} of evaluation {} already exists", planId, required.evaluationId());
        }
    }
}
