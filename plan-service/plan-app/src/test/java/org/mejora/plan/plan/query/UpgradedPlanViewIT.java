package org.mejora.plan.plan.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded to the view in rows: a plan written as one document (before V20) reads, reconciles and
 * changes as before once V21 has split it, and a plan written before V3 kept the published state gets it back from
 * its events at its next change.
 */
class UpgradedPlanViewIT extends PlanServiceContext {

    /** Puts the plan back in the form V2/V3 wrote: the whole plan in plan_view's document and state, no rows. */
    private static final String AS_ONE_DOCUMENT = """
            UPDATE plan_view v SET
              document = jsonb_set(v.document, '{findings}', (
                SELECT COALESCE(jsonb_agg(f.document || jsonb_build_object('actions', (
                    SELECT COALESCE(jsonb_agg(a.document || jsonb_build_object('followUps', (
                        SELECT COALESCE(jsonb_agg(u.document ORDER BY u.n), '[]'::jsonb) FROM plan_view_follow_up u
                        WHERE u.plan_id = a.plan_id AND u.action_id = a.action_id)) ORDER BY a.position), '[]'::jsonb)
                    FROM plan_view_action a
                    WHERE a.plan_id = f.plan_id AND a.finding_id = f.finding_id AND NOT a.removed))
                  ORDER BY f.position), '[]'::jsonb)
                FROM plan_view_finding f WHERE f.plan_id = v.plan_id AND NOT f.removed)),
              state = jsonb_set(jsonb_set(v.state, '{findings}', (
                  SELECT jsonb_object_agg(finding_id, state) FROM plan_view_finding WHERE plan_id = v.plan_id)),
                '{actions}', (SELECT jsonb_object_agg(action_id, state) FROM plan_view_action WHERE plan_id = v.plan_id))
            WHERE v.plan_id = :plan""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);
    private final VerifiedUser reviewer = TestIdentities.user("control", institution, Role.PLAN_REVIEWER);
    private final VerifiedUser approver = TestIdentities.user("ccruz", institution, Role.PLAN_APPROVER);
    private final VerifiedUser auditor = TestIdentities.user("auditor", institution, Role.AUDITOR);

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    private String created(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    private String action(String planId, String findingId, String number) {
        return created(as(owner).post("/api/plans/" + planId + "/findings/" + findingId + "/actions", """
                {"number":"%s","name":"Acción %s","start":"ene-24","end":"jun-24"}""".formatted(number, number)),
                "actionId");
    }

    private String finding(String planId, String number) {
        return created(as(owner).post("/api/plans/" + planId + "/findings", """
                {"number":"%s","description":"Hallazgo %s","source":{"type":"AUDIT"}}""".formatted(number, number)),
                "findingId");
    }

    private void progress(String planId, String actionId, int percent) {
        ok(as(owner).post("/api/plans/" + planId + "/actions/" + actionId + "/progress",
                "{\"percent\":%d,\"evidence\":\"Acta %d\"}".formatted(percent, percent)));
    }

    /** The institution's facts, in no particular order (reconciliation compares them by entity). */
    private java.util.Set<String> facts(String planId) {
        Api.Response facts = as(auditor).get("/api/plans/facts");
        assertThat(facts.status()).as(facts.toString()).isEqualTo(200);
        java.util.Set<String> all = new java.util.TreeSet<>();
        facts.json().forEach(fact -> all.add(fact.toString()));
        assertThat(all).anySatisfy(fact -> assertThat(fact).contains(planId));
        return all;
    }

    private void splitByV21() {
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V21__plan_view_rows_filled.sql"))
                .execute(dataSource);
    }

    private void deleteRows(String planId) {
        for (String table : new String[]{"plan_view_follow_up", "plan_view_action", "plan_view_finding"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE plan_id = :plan").param("plan", planId).update();
        }
    }

    @Test
    void aPlanWrittenAsOneDocumentReadsReconcilesAndChangesAsBefore() {
        String planId = created(as(owner).post("/api/plans", """
                {"kind":"AUDIT","title":"Plan de antes de las filas","period":"2024"}"""), "planId");
        String first = finding(planId, "1");
        String second = finding(planId, "2");
        String kept = action(planId, first, "1.1");
        String removed = action(planId, first, "1.2");
        String other = action(planId, second, "2.1");
        ok(as(owner).delete("/api/plans/" + planId + "/actions/" + removed));
        ok(as(owner).post("/api/plans/" + planId + "/submission", "{}"));
        ok(as(reviewer).post("/api/plans/" + planId + "/review", "{}"));
        ok(as(approver).post("/api/plans/" + planId + "/approval", "{}"));
        ok(as(approver).post("/api/plans/" + planId + "/execution", "{}"));
        progress(planId, kept, 25);
        progress(planId, kept, 50);
        progress(planId, other, 25);
        JsonNode plan = as(owner).get("/api/plans/" + planId).json();
        java.util.Set<String> facts = facts(planId);
        JsonNode history = as(owner).get("/api/plans/" + planId + "/actions/" + kept + "/follow-ups").json();

        jdbc.sql(AS_ONE_DOCUMENT).param("plan", planId).update();
        deleteRows(planId);
        splitByV21();

        assertThat(as(owner).get("/api/plans/" + planId).json()).isEqualTo(plan);
        assertThat(facts(planId)).isEqualTo(facts);
        assertThat(as(owner).get("/api/plans/" + planId + "/actions/" + kept + "/follow-ups").json())
                .isEqualTo(history);
        Api.Response unknown = as(owner).post("/api/plans/" + planId + "/actions/" + removed + "/progress",
                "{\"percent\":25,\"evidence\":\"Acta\"}");
        assertThat(unknown.status()).isEqualTo(409);

        // Written before V3 kept the published state: the facts fold the events, and the next change fills the rows.
        jdbc.sql("UPDATE plan_view SET state = NULL WHERE plan_id = :plan").param("plan", planId).update();
        jdbc.sql("UPDATE plan_view_action SET state = NULL WHERE plan_id = :plan").param("plan", planId).update();
        jdbc.sql("UPDATE plan_view_finding SET state = NULL WHERE plan_id = :plan").param("plan", planId).update();
        assertThat(facts(planId)).isEqualTo(facts);
        progress(planId, kept, 75);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM plan_view_action WHERE plan_id = :plan AND state IS NULL""")
                .param("plan", planId).query(Long.class).single()).isZero();
        JsonNode after = as(owner).get("/api/plans/" + planId).json();
        JsonNode keptAction = after.get("findings").get(0).get("actions").get(0);
        assertThat(keptAction.get("percent").asInt()).isEqualTo(75);
        assertThat(keptAction.get("followUpCount").asInt()).isEqualTo(3);
        assertThat(after.get("findings").get(0).get("actions")).hasSize(1);
        assertThat(String.join(",", facts(planId))).contains(removed).contains("75");
    }
}
