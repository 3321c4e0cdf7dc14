package org.mejora.evaluation.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.evaluation.EvaluationServiceContext;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An auditor checks one evaluation's hash chain and downloads it with its proofs; a changed payload is named. */
class EvaluationHistoryIT extends EvaluationServiceContext {

    @Autowired
    DataSource dataSource;

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser hr = TestIdentities.user("talento", institution, Role.HR);
    private final VerifiedUser boss = TestIdentities.user("jgomez", institution, Role.SUPERVISOR);
    private final VerifiedUser ana = TestIdentities.user("ana", institution, Role.SERVANT);
    private final VerifiedUser auditor = TestIdentities.user("auditora", institution, Role.AUDITOR);

    @Test
    void anAuditorVerifiesAnEvaluationAndAChangedPayloadIsNamed() {
        String evaluation = evaluationWithGoals();
        String path = "/api/evaluations/" + evaluation + "/history";
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select checkpoint_number from chain_head where aggregate_identifier = ?", Long.class,
                evaluation) != null);

        JsonNode holds = as(auditor).get(path + "/verification").json();
        assertThat(holds.get("holds").asBoolean()).as(holds.toString()).isTrue();
        assertThat(holds.get("aggregateType").asText()).isEqualTo("Evaluation");
        Api.Response proof = as(auditor).get(path + "/proof");
        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.json().get("events").size()).isEqualTo(holds.get("events").asInt());
        assertThat(proof.json().get("checkpoint").get("jws").asText()).isNotBlank();

        jdbc.update("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Informe publicado', 'Informe borrado'), 'UTF8') where aggregate_identifier = ? "
                + "and payload_type like '%GoalsSubmitted'", evaluation);
        JsonNode broken = as(auditor).get(path + "/verification").json();
        assertThat(broken.get("holds").asBoolean()).isFalse();
        assertThat(broken.get("firstBreak").get("aggregateId").asText()).isEqualTo(evaluation);
        assertThat(broken.get("firstBreak").get("kind").asText()).isEqualTo("EVENT_CHANGED");
    }

    @Test
    void theServantCannotAuditAndAnotherInstitutionDoesNotKnowTheEvaluation() {
        String evaluation = evaluationWithGoals();
        String path = "/api/evaluations/" + evaluation + "/history/verification";

        assertThat(as(ana).get(path).status()).isEqualTo(403);
        assertThat(as(TestIdentities.user("auditor2", TestIdentities.newInstitution(), Role.AUDITOR)).get(path)
                .status()).isEqualTo(404);
        assertThat(as(TestIdentities.user("platform", "platform", Role.PLATFORM_ADMIN)).get(path).status())
                .isEqualTo(200);
    }

    private String evaluationWithGoals() {
        Api.Response opened = as(hr).post("/api/cycles", """
                {"year":2026,"name":"Evaluación de la gestión 2026",
                 "stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},
                           {"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
                           {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
                 "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},
                          {"name":"Satisfactorio","minScore":65,"maxScore":90},
                          {"name":"Sobresaliente","minScore":90,"maxScore":100}],
                 "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
                 "competencies":["Orientación a resultados","Trabajo en equipo"]}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String cycleId = opened.json().get("cycleId").asText();
        Api.Response assigned = assign(hr, cycleId, """
                        servantId,servantName,supervisorId,supervisorName
                        ana,Ana Pérez,jgomez,Jorge Gómez
                        """);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        String evaluation = assigned.json().get("evaluations").get(0).get("evaluationId").asText();
        Api.Response submitted = as(ana).post("/api/evaluations/" + evaluation + "/goals/submit", """
                {"goals":[{"description":"Elaborar el informe de demanda","deliverable":"Informe publicado",
                           "weight":100,"agreedPercentI":50,"agreedPercentII":100}]}""");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        Api.Response approved = as(boss).post("/api/evaluations/" + evaluation + "/goals/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return evaluation;
    }
}
