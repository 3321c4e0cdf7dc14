package org.mejora.evaluation.cycle.command;

/** One servant and the supervisor who evaluates them; a row of the bulk CSV. */
public record Assignment(String servantId, String servantName, String supervisorId, String supervisorName) {
}
