package org.mejora.plan.api;

/** Where a finding comes from: an audit, a CAF criterion and subcriterion (seed 003), or a factor of the performance evaluation (seed 000). */
public record FindingSource(
        FindingSourceType type,
        String criterion,
        String subcriterion,
        String factor) {
}
