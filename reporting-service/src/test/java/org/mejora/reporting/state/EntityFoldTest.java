package org.mejora.reporting.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.state.EvaluationFold;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.ServantAssigned;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;
import org.mejora.reporting.support.EventStream;
import org.mejora.reporting.support.SeedPlans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFoldTest {

    private final SeedPlans plan = new SeedPlans("inst-fold");
    private final PublishedState published = new PublishedState();
    private final Map<String, Object> aggregates = new HashMap<>();

    /** Folds as the projection does: the producer's fold decides, the payload's fields are merged under it. */
    private EntityFold.Step apply(ObjectNode before, EventEnvelope event) {
        Object after = published.apply(aggregates.get(event.aggregateId()), published.decode(event).orElseThrow());
        aggregates.put(event.aggregateId(), after);
        ObjectNode decided = published.decided(after).get(EntityFold.entityOf(event));
        return EntityFold.apply(before, event, decided);
    }

    @Test
    void anActionAddedIsAnActionOfItsPlanWithItsDetailsAtTheTop() {
        EventEnvelope added = plan.gemFm014().get(2);

        EntityFold.Entity entity = EntityFold.entityOf(added);
        plan.gemFm014().subList(0, 2).forEach(e -> apply(null, e));
        EntityFold.Step step = apply(null, added);

        assertThat(entity).isEqualTo(new EntityFold.Entity("Action", plan.action1));
        assertThat(EntityFold.rootOf(added, entity, null)).isEqualTo(new EntityFold.Entity("Plan", plan.planId));
        assertThat(step.after().get("status").asText()).isEqualTo("PLANNED");
        assertThat(step.after().get("responsibleUnit").asText()).isEqualTo("Secretaría de Planeación");
        assertThat(step.kinds()).contains("CREATION", "STATUS", "DATES", "RESPONSIBLE");
    }

    @Test
    void aFollowUpRecordsTheProgressFromAndToWithItsEvidence() {
        plan.gemFm014().subList(0, 2).forEach(e -> apply(null, e));
        EntityFold.Step added = apply(null, plan.gemFm014().get(2));
        EventEnvelope progress = new EventStream("Plan", plan.planId, "inst-fold").next(Instant.now(),
                SeedPlans.OWNER, new ActionProgressRecorded(plan.planId, plan.action1, 50, 0, "Acta 10-2021",
                        "Primera socialización", null, LocalDate.of(2021, 10, 15)));

        EntityFold.Step step = apply(added.after(), progress);

        assertThat(step.kinds()).containsExactly("STATUS", "PROGRESS");
        JsonNode percent = step.changes().get(1);
        assertThat(percent.get("from").asInt()).isZero();
        assertThat(percent.get("to").asInt()).isEqualTo(50);
        assertThat(step.evidence()).isEqualTo("Acta 10-2021");
        assertThat(step.reason()).isEqualTo("Primera socialización");
    }

    @Test
    void aSignatureIsKeptBesideThePlansHeaderNotOverIt() {
        EntityFold.Step created = apply(null, plan.gemFm014().get(0));
        EventEnvelope submitted = new EventStream("Plan", plan.planId, "inst-fold").next(Instant.now(),
                SeedPlans.OWNER, new PlanSubmittedForReview(plan.planId,
                        new Signature("LUZ-ANDREA HERNÁNDEZ TEJEDOR", "PLAN_OWNER", "Directora", LocalDate.now())));

        EntityFold.Step step = apply(created.after(), submitted);

        assertThat(step.after().get("responsible").asText()).isEqualTo("Directora de Planeación Estratégica");
        assertThat(step.after().at("/signatures/responsible/name").asText()).isEqualTo("LUZ-ANDREA HERNÁNDEZ TEJEDOR");
        assertThat(step.after().get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anAssignmentStaysWithItsCycleAndTheSecondFollowUpMovesToCompetencies() {
        EventEnvelope assigned = new EventStream("EvaluationCycle", "cycle-1", "inst-fold").next(Instant.now(),
                SeedPlans.OWNER, new ServantAssigned("cycle-1", "eval-1", "aperez", "Ana Pérez", "jefe", "Jefe"));
        assertThat(EntityFold.entityOf(assigned)).isEqualTo(new EntityFold.Entity("EvaluationCycle", "cycle-1"));
        ObjectNode cycle = EntityFold.apply(null, assigned, JsonNodeFactory.instance.objectNode()).after();
        assertThat(cycle.at("/assignments/eval-1/servantName").asText()).isEqualTo("Ana Pérez");
        assertThat(EvaluationFold.statusSetBy(new SelfEvaluationApproved("eval-1", FollowUp.II)))
                .contains(EvaluationStatus.COMPETENCIES_RATING);
    }

    @Test
    void anActionImplementedAtHalfItsProgressReadsAsImplementedInFull() {
        plan.gemFm014().forEach(e -> apply(null, e));
        EventStream stream = new EventStream("Plan", plan.planId, "inst-fold");
        EntityFold.Step half = apply(null, stream.next(Instant.now(), SeedPlans.OWNER, new ActionProgressRecorded(
                plan.planId, plan.action1, 50, 0, "Acta", null, null, LocalDate.of(2021, 10, 15))));
        EntityFold.Step implemented = apply(half.after(), stream.next(Instant.now(), SeedPlans.OWNER,
                new ActionImplemented(plan.planId, plan.action1, "Informe", null, LocalDate.of(2021, 11, 2))));

        assertThat(implemented.after().get("status").asText()).isEqualTo("IMPLEMENTED");
        assertThat(implemented.after().get("percent").asInt()).isEqualTo(100);
        assertThat(implemented.kinds()).contains("STATUS", "PROGRESS");
    }
}
