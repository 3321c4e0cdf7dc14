package org.mejora.plan.api;

import java.util.List;

/** Every column of an action (acción de mejora) in seeds 001 and 003. In events {@code start} and {@code end} are
 * the canonical text of a schedule date: a day {@code 2021-09-21}, a month {@code 2021-06}, a quarter {@code 2023-T1}
 * or a year {@code 2023}; in commands they are what the user typed (e.g. {@code jun-21}, {@code T1-2023}).
 *
 * @param number          the action's number in its plan ("No."), unique within the plan
 * @param scheduledMonths "Tiempo de Ejecución Programado (Meses)" */
public record ActionDetails(
        String number,
        String name,
        String description,
        String objective,
        List<ActionTask> tasks,
        String goalIndicator,
        String resources,
        String responsibleUnit,
        String responsibleRole,
        String technicalDirection,
        String start,
        String end,
        Integer scheduledMonths,
        String comments) {
}
