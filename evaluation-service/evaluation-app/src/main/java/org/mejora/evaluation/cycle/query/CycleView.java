package org.mejora.evaluation.cycle.query;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A cycle as HR sees it: its terms and the state of each stage. */
public record CycleView(String cycleId, String institutionId, int year, String name, BigDecimal goalsWeight,
                        BigDecimal competenciesWeight, String thresholdLevel, JsonNode scale, JsonNode competencies,
                        Instant openedAt, String openedBy, Instant consolidatedAt, String consolidatedBy,
                        List<StageView> stages) {
}
