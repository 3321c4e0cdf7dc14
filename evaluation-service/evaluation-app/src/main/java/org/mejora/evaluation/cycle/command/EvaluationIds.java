package org.mejora.evaluation.cycle.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One evaluation per servant per cycle: its id follows from both, so assigning twice opens it once. */
public final class EvaluationIds {

    private EvaluationIds() {
    }

    public static String of(String cycleId, String servantId) {
        return UUID.nameUUIDFromBytes((cycleId + "\n" + servantId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
