package org.mejora.plan.api.state;

import java.util.Map;

/**
 * The compact form in which a producer and reporting state what they hold of one entity, so that reconciliation
 * compares like with like (evaluation-api writes the same shape for cycles and evaluations).
 *
 * @param type     {@code Plan}, {@code Finding}, {@code Action} or {@code FollowUpReport}
 * @param parentId the plan of a finding or report, the finding of an action; null for a plan
 * @param percent  an action's progress; null for the others
 * @param values   the key dates (ISO days) and other values an auditor compares, by name; absent when null
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
