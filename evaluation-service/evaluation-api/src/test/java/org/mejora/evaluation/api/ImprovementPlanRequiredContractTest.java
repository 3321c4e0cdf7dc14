package org.mejora.evaluation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** plan-service opens individual plans from this JSON: its shape is a contract, not an implementation detail. */
class ImprovementPlanRequiredContractTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void keepsTheFieldsPlanServiceReads() throws Exception {
        ImprovementPlanRequired event = new ImprovementPlanRequired("ev-1", "cy-1", "upme", 2026, "carla",
                "Carla Díaz", "jgomez", "Jorge Gómez", new BigDecimal("47.80"), "No satisfactorio",
                new BigDecimal("65"));

        JsonNode written = json.readTree(json.writeValueAsString(event));

        assertThat(written).isEqualTo(json.readTree("""
                {"evaluationId":"ev-1","cycleId":"cy-1","institutionId":"upme","year":2026,"servantId":"carla",
                 "servantName":"Carla Díaz","supervisorId":"jgomez","supervisorName":"Jorge Gómez",
                 "finalScore":47.80,"ratingLevel":"No satisfactorio","threshold":65}"""));
        assertThat(json.readValue(json.writeValueAsString(event), ImprovementPlanRequired.class)).isEqualTo(event);
    }

    @Test
    void everyEventOfAnEvaluationIsAnEvaluationEventAndEveryCycleEventACycleEvent() {
        assertThat(EvaluationEvent.class.getPermittedSubclasses()).hasSize(20)
                .allSatisfy(type -> assertThat(type.isRecord()).isTrue());
        assertThat(CycleEvent.class.getPermittedSubclasses()).hasSize(4)
                .allSatisfy(type -> assertThat(type.isRecord()).isTrue());
    }
}
