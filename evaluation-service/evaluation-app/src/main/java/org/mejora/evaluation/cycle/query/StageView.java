package org.mejora.evaluation.cycle.query;

import org.mejora.evaluation.api.Stage;

import java.time.Instant;
import java.time.LocalDate;

public record StageView(Stage stage, LocalDate deadline, Instant closedAt, String closedBy, String closeReason) {

    public boolean closed() {
        return closedAt != null;
    }
}
