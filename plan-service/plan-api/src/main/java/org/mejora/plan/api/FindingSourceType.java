package org.mejora.plan.api;

/** The origin of a finding (hallazgo). */
public enum FindingSourceType {
    AUDIT, CAF, EVALUATION_FACTOR, OTHER
}
