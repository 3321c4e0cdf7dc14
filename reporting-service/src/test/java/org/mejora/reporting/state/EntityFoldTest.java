package org.mejora.reporting.state;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.ServantAssigned;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;
import org.mejora.reporting.support.EventStream;
import org.mejora.reporting.support.SeedPlans;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFoldTest {

    private final SeedPlans plan = new SeedPlans("inst-fold");

    @Test
    void anActionAddedIsAnActionOfItsPlanWithItsDetailsAtTheTop() {
        EventEnvelope added = plan.gemFm014().get(2);

        EntityFold.Entity entity = EntityFold.entityOf(added);
        EntityFold.Step step = EntityFold.apply(null, added);

        assertThat(entity).isEqualTo(new EntityFold.Entity("Action", plan.action1));
        assertThat(EntityFold.rootOf(added, entity, null)).isEqualTo(new EntityFold.Entity("Plan", plan.planId));
        assertThat(step.after().get("status").asText()).isEqualTo("PLANNED");
        assertThat(step.after().get("responsibleUnit").asText()).isEqualTo("Secretaría de Planeación");
        assertThat(step.kinds()).contains("CREATION", "STATUS", "DATES", "RESPONSIBLE");
    }

    @Test
    void aFollowUpRecordsTheProgressFromAndToWithItsEvidence() {
        EntityFold.Step added = EntityFold.apply(null, plan.gemFm014().get(2));
        EventEnvelope progress = new EventStream("Plan", plan.planId, "inst-fold").next(Instant.now(),
                SeedPlans.OWNER, new ActionProgressRecorded(plan.planId, plan.action1, 50, 0, "Acta 10-2021",
                        "Primera socialización", null, LocalDate.of(2021, 10, 15)));

        EntityFold.Step step = EntityFold.apply(added.after(), progress);

        assertThat(step.kinds()).containsExactly("STATUS", "PROGRESS");
        JsonNode percent = step.changes().get(1);
        assertThat(percent.get("from").isNull()).isTrue();
        assertThat(percent.get("to").asInt()).isEqualTo(50);
        assertThat(step.evidence()).isEqualTo("Acta 10-2021");
        assertThat(step.reason()).isEqualTo("Primera socialización");
    }

    @Test
    void aSignatureIsKeptBesideThePlansHeaderNotOverIt() {
        EntityFold.Step created = EntityFold.apply(null, plan.gemFm014().get(0));
        EventEnvelope submitted = new EventStream("Plan", plan.planId, "inst-fold").next(Instant.now(),
                SeedPlans.OWNER, new PlanSubmittedForReview(plan.planId,
                        new Signature("LUZ-ANDREA HERNÁNDEZ TEJEDOR", "PLAN_OWNER", "Directora", LocalDate.now())));

        EntityFold.Step step = EntityFold.apply(created.after(), submitted);

        assertThat(step.after().get("responsible").asText()).isEqualTo("Directora de Planeación Estratégica");
        assertThat(step.after().at("/signatures/responsible/name").asText()).isEqualTo("LUZ-ANDREA HERNÁNDEZ TEJEDOR");
        assertThat(step.after().get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anAssignmentStaysWithItsCycleAndTheSecondFollowUpMovesToCompetencies() {
        EventEnvelope assigned = new EventStream("EvaluationCycle", "cycle-1", "inst-fold").next(Instant.now(),
                SeedPlans.OWNER, new ServantAssigned("cycle-1", "eval-1", "aperez", "Ana Pérez", "jefe", "Jefe"));
        assertThat(EntityFold.entityOf(assigned)).isEqualTo(new EntityFold.Entity("EvaluationCycle", "cycle-1"));
        assertThat(EntityFold.apply(null, assigned).after().at("/assignments/eval-1/servantName").asText())
                .isEqualTo("Ana Pérez");

        EventEnvelope approved = new EventStream("Evaluation", "eval-1", "inst-fold").next(Instant.now(),
                SeedPlans.OWNER, new SelfEvaluationApproved("eval-1", FollowUp.II));
        assertThat(EntityFold.apply(null, approved).after().get("status").asText()).isEqualTo("COMPETENCIES_RATING");
    }
}
