package org.mejora.plan.plan.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.rules.Require;
import org.mejora.plan.rules.RuleViolation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An improvement plan (plan de mejoramiento): the consistency boundary of its findings and actions. */
@Aggregate
class Plan {

    @AggregateIdentifier
    private String planId;
    private PlanStatus status;

    Plan() {
        // for Axon
    }

    @CommandHandler
    Plan(CreatePlanCommand command) {
        if (command.kind() == null) {
            throw RuleViolation.invalid("field.required", "kind", "kind");
        }
        apply(new PlanCreated(
                command.planId(),
                Require.text(command.institutionId(), "institutionId"),
                command.kind(),
                Require.text(command.title(), "title"),
                command.institutionName(),
                command.auditedProcess(),
                command.procedures(),
                command.responsible(),
                command.subscriptionDate(),
                command.formatCode(),
                command.formatVersion(),
                command.period()));
    }

    @EventSourcingHandler
    void on(PlanCreated event) {
        planId = event.planId();
        status = PlanStatus.DRAFT;
    }
}
