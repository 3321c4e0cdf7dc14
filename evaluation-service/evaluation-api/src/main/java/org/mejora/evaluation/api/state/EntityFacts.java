package org.mejora.evaluation.api.state;

import java.util.Map;

/**
 * The compact form in which evaluation-service and reporting state what they hold of one cycle or evaluation, so
 * that reconciliation compares like with like: the same shape as plan-api's, which this module does not depend on.
 *
 * @param type     {@code EvaluationCycle} or {@code Evaluation}
 * @param parentId an evaluation's cycle; null for a cycle
 * @param values   the other values an auditor compares, by name; absent when null
 */
public record EntityFacts(
        String type,
        String id,
        String parentId,
        String status,
        Integer percent,
        Boolean compliant,
        Boolean effective,
        boolean removed,
        Map<String, String> values) {
}
