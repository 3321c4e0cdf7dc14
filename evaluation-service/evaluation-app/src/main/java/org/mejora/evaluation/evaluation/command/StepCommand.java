package org.mejora.evaluation.evaluation.command;

import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.util.Map;

/**
 * A step of a servant's evaluation. It carries the stages HR had closed when it was sent (and when), as the cycle
 * knows them, so that the evaluation can reject late steps.
 */
public interface StepCommand {

    String evaluationId();

    Map<Stage, Instant> closedStages();
}
