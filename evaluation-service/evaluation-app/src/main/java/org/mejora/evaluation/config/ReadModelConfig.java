package org.mejora.evaluation.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.mejora.evaluation.cycle.query.CycleProjection;
import org.mejora.evaluation.evaluation.query.EvaluationProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The read models are written in the transaction of each step (subscribing processors, application.yml). Axon only
 * logs a failing event handler by default; here the failure rolls the step back, so the views never fall behind
 * the events, and the closed stages a step is checked against are never stale.
 */
@Configuration
class ReadModelConfig {

    @Autowired
    void propagateProjectionFailures(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(CycleProjection.GROUP,
                configuration -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(EvaluationProjection.GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
