package org.mejora.plan.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.mejora.plan.plan.query.PlanProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * {@code plan_view} is written in the transaction of each command (a subscribing processor, application.yml). Axon
 * only logs a failing event handler by default, and the view would fall silently behind the event store; here the
 * failure rolls the command back, as in evaluation-service.
 */
@Configuration
class ReadModelConfig {

    @Autowired
    void propagateProjectionFailures(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PlanProjection.GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
