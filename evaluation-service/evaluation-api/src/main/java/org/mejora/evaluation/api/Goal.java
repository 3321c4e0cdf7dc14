package org.mejora.evaluation.api;

import java.math.BigDecimal;

/**
 * A goal and objective (meta y objetivo) of a servant's evaluation.
 *
 * @param number          1, 2, ... in the order the servant formulated them
 * @param deliverable     the product or result the servant must deliver (producto o entregable)
 * @param weight          the goal's share of the goals score, in %; a servant's goals sum to 100
 * @param agreedPercentI  the % of compliance agreed for the first follow-up
 * @param agreedPercentII the % of compliance agreed for the second follow-up
 */
public record Goal(int number, String description, String deliverable, BigDecimal weight,
                   BigDecimal agreedPercentI, BigDecimal agreedPercentII) {
}
