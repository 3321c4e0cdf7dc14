package org.mejora.evaluation.deadline;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mejora.evaluation.EvaluationServiceContext;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.EvaluationStepDeadlineNeared;
import org.mejora.evaluation.api.EvaluationStepOverdue;
import org.mejora.evaluation.api.Stage;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, facts in the history: with the service's clock moved through a cycle's stage deadlines, the sweep raises
 * each fact of the waiting step once, a second sweep (what a restart or a second instance does) raises none, and the
 * next stage has facts of its own deadline.
 */
class StepDeadlineFactsIT extends EvaluationServiceContext {

    @Autowired
    EventStore eventStore;

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser hr = TestIdentities.user("talento", institution, Role.HR);
    private final VerifiedUser boss = TestIdentities.user("jgomez", institution, Role.SUPERVISOR);
    private final VerifiedUser ana = TestIdentities.user("ana", institution, Role.SERVANT);
    private final VerifiedUser platformAdmin = TestIdentities.user("root", institution, Role.PLATFORM_ADMIN);

    @AfterEach
    void systemClockAgain() {
        Api.at(baseUrl()).delete("/actuator/clock");
    }

    private void clockAt(String instant) {
        Api.Response moved = Api.at(baseUrl()).post("/actuator/clock", "{\"at\":\"" + instant + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private int sweepNow() {
        Api.Response swept = as(platformAdmin).post("/api/evaluations/admin/deadline-sweeps", "");
        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
        return swept.json().get("raised").asInt();
    }

    private List<Object> facts(String evaluationId) {
        return eventStore.readEvents(evaluationId).asStream().map(DomainEventMessage::getPayload)
                .filter(p -> p instanceof EvaluationStepDeadlineNeared || p instanceof EvaluationStepOverdue)
                .map(p -> (Object) p).toList();
    }

    private String evaluation() {
        Api.Response opened = as(hr).post("/api/cycles", """
                {"year":2031,"name":"Evaluación de la gestión 2031",
                 "stages":[{"stage":"FORMULATION","deadline":"2031-03-14"},
                           {"stage":"SELF_EVALUATION_I","deadline":"2031-07-31"},
                           {"stage":"SELF_EVALUATION_II","deadline":"2032-02-28"}],
                 "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                          {"name":"Satisfactorio","minScore":65,"maxScore":100}],
                 "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                 "competencies":["Trabajo en equipo"]}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String cycleId = opened.json().get("cycleId").asText();
        Api.Response assigned = assign(hr, cycleId, """
                        servantId,servantName,supervisorId,supervisorName
                        ana,Ana Pérez,jgomez,Jorge Gómez
                        """);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        return assigned.json().get("evaluations").get(0).get("evaluationId").asText();
    }

    @Test
    void eachFactOfTheWaitingStepOnceAndTheNextStageItsOwn() {
        String evaluation = evaluation();
        LocalDate formulationEnds = LocalDate.of(2031, 3, 14);

        clockAt("2031-03-06T15:00:00Z");
        sweepNow();
        assertThat(facts(evaluation)).as("eight days before: nothing yet").isEmpty();
        clockAt("2031-03-07T15:00:00Z");
        assertThat(sweepNow()).isPositive();
        clockAt("2031-03-13T15:00:00Z");
        sweepNow();
        clockAt("2031-03-15T15:00:00Z");
        sweepNow();
        List<Object> once = facts(evaluation);
        assertThat(once).containsExactly(
                new EvaluationStepDeadlineNeared(evaluation, Stage.FORMULATION, EvaluationStatus.GOALS_FORMULATION,
                        formulationEnds, 7, LocalDate.of(2031, 3, 7)),
                new EvaluationStepDeadlineNeared(evaluation, Stage.FORMULATION, EvaluationStatus.GOALS_FORMULATION,
                        formulationEnds, 1, LocalDate.of(2031, 3, 13)),
                new EvaluationStepOverdue(evaluation, Stage.FORMULATION, EvaluationStatus.GOALS_FORMULATION,
                        formulationEnds, LocalDate.of(2031, 3, 15)));

        // What a restart or a second instance does: sweep again, and the next day. Nothing new.
        sweepNow();
        clockAt("2031-03-16T15:00:00Z");
        sweepNow();
        assertThat(facts(evaluation)).isEqualTo(once);

        // The servant catches up: the next stage has facts of its own deadline.
        assertThat(as(ana).post("/api/evaluations/" + evaluation + "/goals/submit", """
                {"goals":[{"description":"Elaborar el informe de demanda","deliverable":"Informe publicado",
                           "weight":100,"agreedPercentI":50,"agreedPercentII":100}]}""").status()).isEqualTo(200);
        assertThat(as(boss).post("/api/evaluations/" + evaluation + "/goals/approve", "{}").status()).isEqualTo(200);
        assertThat(as(ana).post("/api/evaluations/" + evaluation + "/goals/accept", "{}").status()).isEqualTo(200);
        clockAt("2031-07-24T15:00:00Z");
        sweepNow();
        sweepNow();
        assertThat(facts(evaluation)).hasSize(4).last().isEqualTo(new EvaluationStepDeadlineNeared(evaluation,
                Stage.SELF_EVALUATION_I, EvaluationStatus.SELF_EVALUATION_I, LocalDate.of(2031, 7, 31), 7,
                LocalDate.of(2031, 7, 24)));
    }

    @Test
    void onlyAPlatformAdministratorRunsTheSweep() {
        Api.Response refused = as(hr).post("/api/evaluations/admin/deadline-sweeps", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }
}
