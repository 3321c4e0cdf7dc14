package org.mejora.plan.plan.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Applies one record of evaluation-service's topic; the listener and the replay of dead letters share it. */
public interface EvaluationEventIntake {

    /** Throws {@link UnreadableRecord} or a domain refusal for a record that can never apply. */
    void apply(ConsumerRecord<String, byte[]> record);
}
