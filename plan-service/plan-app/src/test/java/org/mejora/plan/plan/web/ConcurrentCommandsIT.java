package org.mejora.plan.plan.web;

import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command, its events and the views it updates share one transaction and one pooled connection: more concurrent
 * users than connections are all served (a command that needed a second connection would starve the pool).
 */
class ConcurrentCommandsIT extends PlanServiceContext {

    private static final int USERS = 30;

    @Test
    void moreConcurrentCommandsThanPooledConnectionsAllSucceed() throws Exception {
        String institution = TestIdentities.newInstitution();
        VerifiedUser owner = TestIdentities.user("owner", institution, Role.PLAN_OWNER);
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        try {
            List<Future<Api.Response>> responses = IntStream.range(0, USERS)
                    .mapToObj(i -> users.submit(() -> as(owner).post("/api/plans",
                            "{\"kind\":\"AUDIT\",\"title\":\"Plan " + i + "\"}")))
                    .toList();
            for (Future<Api.Response> response : responses) {
                assertThat(response.get().status()).as(response.get().toString()).isEqualTo(201);
            }
        } finally {
            users.shutdownNow();
        }
        assertThat(as(owner).get("/api/plans").json().get("items")).hasSize(USERS);
    }
}
