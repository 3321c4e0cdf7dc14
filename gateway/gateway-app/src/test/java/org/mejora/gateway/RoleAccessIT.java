package org.mejora.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mejora.identity.Role;
import org.mejora.testing.Api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mejora.identity.Role.ADMIN;
import static org.mejora.identity.Role.AUDITOR;
import static org.mejora.identity.Role.HR;
import static org.mejora.identity.Role.OVERSIGHT;
import static org.mejora.identity.Role.PLAN_APPROVER;
import static org.mejora.identity.Role.PLAN_OWNER;
import static org.mejora.identity.Role.PLAN_REVIEWER;
import static org.mejora.identity.Role.PLATFORM_ADMIN;
import static org.mejora.identity.Role.SERVANT;
import static org.mejora.identity.Role.SUPERVISOR;

/** Each role against each area of the API: the coarse policy of the gateway, written out independently here. */
class RoleAccessIT extends GatewayUnderTest {

    private record Endpoint(String method, String path, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every role of an institution: the platform administrator reads no institution's data. */
    private static final Set<Role> EVERYONE = EnumSet.complementOf(EnumSet.of(PLATFORM_ADMIN));

    private static final Endpoint[] ENDPOINTS = {
            new Endpoint("GET", "/api/plans/p-1", EnumSet.complementOf(EnumSet.of(OVERSIGHT, PLATFORM_ADMIN))),
            new Endpoint("POST", "/api/plans",
                    EnumSet.of(PLAN_OWNER, PLAN_REVIEWER, PLAN_APPROVER, ADMIN, SERVANT, SUPERVISOR, HR)),
            new Endpoint("POST", "/api/plans/p-1/review",
                    EnumSet.complementOf(EnumSet.of(AUDITOR, OVERSIGHT, PLATFORM_ADMIN))),
            new Endpoint("GET", "/api/cycles/c-1", EnumSet.of(SERVANT, SUPERVISOR, HR, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/cycles", EnumSet.of(HR, ADMIN)),
            new Endpoint("PUT", "/api/cycles/c-1/scale", EnumSet.of(HR, ADMIN)),
            new Endpoint("GET", "/api/evaluations/e-1", EnumSet.of(SERVANT, SUPERVISOR, HR, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/evaluations/e-1/goals", EnumSet.of(SERVANT, SUPERVISOR, HR, ADMIN)),
            new Endpoint("GET", "/api/reports/plans/p-1/history", EVERYONE),
            new Endpoint("POST", "/api/reports/rebuilds", EnumSet.of(PLATFORM_ADMIN)),
            new Endpoint("GET", "/api/reports/rebuilds/r-1", EnumSet.of(PLATFORM_ADMIN)),
            new Endpoint("POST", "/api/reports/admin/rebuild", EnumSet.of(PLATFORM_ADMIN)),
            new Endpoint("GET", "/api/reports/admin/ingestion-problems", EnumSet.of(PLATFORM_ADMIN)),
            new Endpoint("POST", "/api/plans/imports", EnumSet.complementOf(EnumSet.of(AUDITOR, OVERSIGHT, PLATFORM_ADMIN))),
            new Endpoint("POST", "/api/cycles/c-1/assignments", EnumSet.of(HR, ADMIN)),
            new Endpoint("GET", "/api/cycles/c-1/consolidation", EnumSet.of(SERVANT, SUPERVISOR, HR, AUDITOR, ADMIN)),
            new Endpoint("DELETE", "/api/reports/plans/p-1/history", EnumSet.noneOf(Role.class)),
            new Endpoint("GET", "/api/plans/p-1/history/verification", EnumSet.of(AUDITOR, PLATFORM_ADMIN)),
            new Endpoint("GET", "/api/evaluations/e-1/history/proof", EnumSet.of(AUDITOR, PLATFORM_ADMIN)),
            new Endpoint("POST", "/api/plans/admin/deadline-sweeps", EnumSet.of(PLATFORM_ADMIN)),
            new Endpoint("POST", "/api/evaluations/admin/deadline-sweeps", EnumSet.of(PLATFORM_ADMIN)),
            new Endpoint("PUT", "/api/plans/p-1/actions/a-1/responsibles",
                    EnumSet.complementOf(EnumSet.of(AUDITOR, OVERSIGHT, PLATFORM_ADMIN))),
    };

    static Stream<Arguments> everyRoleAgainstEveryEndpoint() {
        return Arrays.stream(ENDPOINTS)
                .flatMap(endpoint -> Arrays.stream(Role.values()).map(role -> Arguments.of(role, endpoint)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAgainstEveryEndpoint")
    void aRoleReachesOnlyTheAreasItWorksIn(Role role, Endpoint endpoint) {
        Api.Response response = send(as(newUser(), "inst-roles", role.name()), endpoint);

        if (endpoint.allowed().contains(role)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("roles").asText()).isEqualTo(role.name());
            assertThat(response.json().get("method").asText()).isEqualTo(endpoint.method());
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aUserWithoutRolesIsForbiddenEverywhere(Endpoint endpoint) {
        assertThat(send(as(newUser(), "inst-roles"), endpoint).status()).isEqualTo(403);
    }

    static Stream<Endpoint> endpoints() {
        return Arrays.stream(ENDPOINTS);
    }

    @Test
    void anApiPathOutsideTheServicesIsForbiddenEvenToAdmin() {
        assertThat(as(newUser(), "inst-roles", "ADMIN").get("/api/unknown/thing").status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/reports/../plans/p-1", "/api/reports/%2e%2e/plans/p-1",
            "/api/reports/..%2Fplans/p-1", "/api/reports/;/../plans/p-1"})
    void aPathThatClimbsOutOfAnAllowedAreaDoesNotReachAnother(String path) {
        Api.Response response = as(newUser(), "inst-roles", "OVERSIGHT").get(path);

        assertThat(response.text()).doesNotContain("\"service\":\"plans\"");
        assertThat(response.status()).as(response.toString()).isIn(400, 403, 404);
    }

    private Api.Response send(Api api, Endpoint endpoint) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                .header("Content-Type", "application/json")
                .method(endpoint.method(), endpoint.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")));
    }
}
