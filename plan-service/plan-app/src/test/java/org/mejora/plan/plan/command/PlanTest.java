package org.mejora.plan.plan.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.rules.RuleViolation;

import java.time.LocalDate;

class PlanTest {

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    @Test
    void aNewPlanIsCreatedWithTheHeaderOfItsFormat() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", PlanKind.AUDIT, "Plan de mejoramiento 2021",
                        "ALCALDIA MUNICIPAL DE CALICA", "Gestión Estratégica",
                        "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                        "Directora de Planeación Estratégica", LocalDate.of(2021, 9, 21), "GEM-FM014", "02", "2021"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanCreated("p-1", "calica", PlanKind.AUDIT, "Plan de mejoramiento 2021",
                        "ALCALDIA MUNICIPAL DE CALICA", "Gestión Estratégica",
                        "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                        "Directora de Planeación Estratégica", LocalDate.of(2021, 9, 21), "GEM-FM014", "02", "2021"));
    }

    @Test
    void aPlanNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", PlanKind.AUDIT, "  ", null, null, null, null, null,
                        null, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("title"))
                .expectNoEvents();
    }

    @Test
    void aPlanNeedsAKind() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand("p-1", "calica", null, "Plan", null, null, null, null, null,
                        null, null, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
