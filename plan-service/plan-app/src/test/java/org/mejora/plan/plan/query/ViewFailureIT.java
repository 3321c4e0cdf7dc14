package org.mejora.plan.plan.query;

import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A view update that fails rolls its command back: the event store never runs ahead of {@code plan_view}. */
class ViewFailureIT extends PlanServiceContext {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailingViewUpdateRollsTheCommandBack() {
        VerifiedUser owner = TestIdentities.user("owner", TestIdentities.newInstitution(), Role.PLAN_OWNER);
        Api.Response created = as(owner).post("/api/plans", "{\"kind\":\"AUDIT\",\"title\":\"Plan\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String planId = created.json().get("planId").asText();
        Api.Response finding = as(owner).post("/api/plans/" + planId + "/findings",
                "{\"number\":\"1\",\"description\":\"Sin política de innovación\"}");
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        String findingId = finding.json().get("findingId").asText();
        long eventsBefore = events(planId);
        // The view loses the finding the next event adds an action to: its handler fails.
        jdbc.sql("delete from plan_view_finding where plan_id = ?").param(planId).update();

        Api.Response action = as(owner).post("/api/plans/" + planId + "/findings/" + findingId + "/actions",
                "{\"number\":\"1\",\"name\":\"Diseñar una política de innovación\"}");

        assertThat(action.status()).as(action.toString()).isGreaterThanOrEqualTo(500);
        assertThat(events(planId)).isEqualTo(eventsBefore);
    }

    private long events(String planId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(planId)
                .query(Long.class).single();
    }
}
