package org.mejora.reporting.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTest {

    private final EventCatalog catalog = new EventCatalog();

    @Test
    void knowsEveryRecordOfThePlanEvaluationAndCycleStreamsAtTheirRevision() {
        assertThat(catalog.problem("ActionProgressRecorded", 1)).isNull();
        assertThat(catalog.problem("ImprovementPlanRequired", 1)).isNull();
        assertThat(catalog.problem("CycleOpened", 1)).isNull();
    }

    @Test
    void reportsAnUnknownTypeAndANewerSchemaVersion() {
        assertThat(catalog.problem("PlanTeleported", 1)).isEqualTo("unknown_event");
        assertThat(catalog.problem("PlanApproved", 2)).isEqualTo("newer_schema");
    }
}
