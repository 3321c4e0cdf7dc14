package org.mejora.evaluation.api;

import java.time.LocalDate;

/** The last day of a stage: steps after it are late, and HR may close the stage. */
public record StageDeadline(Stage stage, LocalDate deadline) {
}
