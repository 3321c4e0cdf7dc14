package org.mejora.plan.api;

/** One numbered task (tarea) of an action, e.g. "1. Reunión con las áreas claves". */
public record ActionTask(
        int number,
        String description) {
}
