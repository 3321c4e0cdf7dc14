package org.mejora.plan.plan.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceApplication;
import org.mejora.plan.PlanServiceContext;
import org.mejora.testing.Api;
import org.mejora.testing.ServiceUnderTest;
import org.mejora.testing.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of plan-service on one database write the same plan in turn. Each keeps plans in its aggregate cache
 * and snapshots them; neither may decide a command on a copy the other has made stale, nor lose or duplicate an event.
 */
class TwoInstancesIT extends PlanServiceContext {

    private static ConfigurableApplicationContext other;
    private static int otherPort;

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);
    private final VerifiedUser auditor = TestIdentities.user("auditor", institution, Role.AUDITOR);

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startTheOtherInstance() {
        Map<String, Object> properties = new HashMap<>();
        ServiceUnderTest.register((name, value) -> properties.put(name, value.get()), "plan");
        properties.put("server.port", "0");
        // as arguments: default properties would lose to application.yml
        other = new SpringApplicationBuilder(PlanServiceApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    private Api one(VerifiedUser user) {
        return as(user);
    }

    private Api two(VerifiedUser user) {
        return Api.at("http://localhost:" + otherPort).with(TestIdentities.headers(user))
                .with(Map.of("X-Correlation-Id", "it-two-" + user.institutionId()));
    }

    private static String action(String number, String name) {
        return """
                {"number":"%s","name":"%s","objective":"Contar con lineamientos","start":"ene-24","end":"jun-24"}"""
                .formatted(number, name);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    private String plan(Api api) {
        Api.Response created = api.post("/api/plans", """
                {"kind":"AUDIT","title":"Plan escrito por dos instancias","period":"2024"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("planId").asText();
    }

    private String finding(Api api, String planId) {
        Api.Response finding = api.post("/api/plans/" + planId + "/findings", """
                {"number":"1","description":"Indicadores sin seguimiento","source":{"type":"AUDIT"}}""");
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        return finding.json().get("findingId").asText();
    }

    private String addAction(Api api, String planId, String findingId, String number) {
        Api.Response added = api.post("/api/plans/" + planId + "/findings/" + findingId + "/actions",
                action(number, "Acción " + number));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().get("actionId").asText();
    }

    private long events(String planId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", planId).query(Long.class).single();
    }

    private boolean chainHolds(String planId) {
        Api.Response verification = one(auditor).get("/api/plans/" + planId + "/history/verification");
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        return verification.json().get("holds").asBoolean();
    }

    @Test
    void eachInstanceSeesWhatTheOtherWroteBeforeItDecides() {
        String planId = plan(one(owner));
        String findingId = finding(one(owner), planId);
        String first = addAction(two(owner), planId, findingId, "1");
        String second = addAction(one(owner), planId, findingId, "2");

        // instance two cached the plan before action 2 existed: it must not answer "unknown action"
        ok(two(owner).put("/api/plans/" + planId + "/actions/" + second, action("2", "Acción 2 revisada")));
        // nor let a number through that instance one has just taken
        Api.Response duplicate = two(owner).post("/api/plans/" + planId + "/findings/" + findingId + "/actions",
                action("2", "Otra acción 2"));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(422);
        assertThat(duplicate.json().get("rule").asText()).isEqualTo("action.duplicate-number");

        ok(one(owner).delete("/api/plans/" + planId + "/actions/" + first));
        Api.Response removed = two(owner).put("/api/plans/" + planId + "/actions/" + first, action("1", "Ya no"));
        assertThat(removed.status()).as("instance two's cached copy still had action 1").isEqualTo(409);
        assertThat(removed.json().get("rule").asText()).isEqualTo("action.unknown");

        for (int i = 0; i < 20; i++) {
            Api api = i % 2 == 0 ? one(owner) : two(owner);
            Api.Response edited = api.put("/api/plans/" + planId + "/actions/" + second,
                    action("2", "Revisión " + i));
            ok(edited);
            assertThat(edited.header("ETag")).isEqualTo("\"" + (events(planId) - 1) + "\"");
        }
        JsonNode seenByOne = one(owner).get("/api/plans/" + planId).json();
        JsonNode seenByTwo = two(owner).get("/api/plans/" + planId).json();
        assertThat(seenByOne.get("version").asLong()).isEqualTo(events(planId) - 1)
                .isEqualTo(seenByTwo.get("version").asLong());
        assertThat(seenByOne.get("findings").get(0).get("actions")).singleElement()
                .satisfies(action -> assertThat(action.get("name").asText()).isEqualTo("Revisión 19"));
        assertThat(chainHolds(planId)).isTrue();
    }

    @Test
    void commandsSentToBothAtOnceAreAllStoredOrRefusedAsConflicts() throws Exception {
        String planId = plan(one(owner));
        String findingId = finding(one(owner), planId);
        String actionId = addAction(one(owner), planId, findingId, "1");
        long before = events(planId);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Api api = i % 2 == 0 ? one(owner) : two(owner);
                String body = action("1", "Concurrente " + i);
                Callable<Integer> edit = () -> api.put("/api/plans/" + planId + "/actions/" + actionId, body).status();
                sent.add(clients.submit(edit));
            }
            long stored = 0;
            for (Future<Integer> status : sent) {
                assertThat(status.get()).isIn(204, 409);
                stored += status.get() == 204 ? 1 : 0;
            }
            assertThat(events(planId) - before).as("one event per command answered 204").isEqualTo(stored);
            assertThat(stored).as("the retry absorbs most races").isGreaterThan(20);
        } finally {
            clients.shutdownNow();
        }
        assertThat(one(owner).get("/api/plans/" + planId).json().get("version").asLong())
                .isEqualTo(events(planId) - 1);
    }

    @Test
    void anInstanceThatNeverSawAPlanLoadsItFromItsSnapshot() {
        String planId = plan(one(owner));
        String findingId = finding(one(owner), planId);
        String actionId = addAction(one(owner), planId, findingId, "1");
        for (int i = 0; i < 110; i++) {
            ok(one(owner).put("/api/plans/" + planId + "/actions/" + actionId, action("1", "Revisión " + i)));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                .param("id", planId).query(Long.class).single()).isPositive();

        Api.Response duplicate = two(owner).post("/api/plans/" + planId + "/findings/" + findingId + "/actions",
                action("1", "Otra acción 1"));
        assertThat(duplicate.status()).as("the snapshot knows the plan's numbers").isEqualTo(422);
        ok(two(owner).put("/api/plans/" + planId + "/actions/" + actionId, action("1", "Desde la instantánea")));
        ok(two(owner).post("/api/plans/" + planId + "/submission", "{}"));
        assertThat(one(owner).get("/api/plans/" + planId).json().get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(chainHolds(planId)).as("snapshots stay out of the hash chain").isTrue();
    }

    /**
     * Issue 17: the second instance takes its share of the forwarder's segments (each instance then forwards the
     * events of half of the plans to Kafka), instead of waiting idle until the first one dies.
     */
    @Test
    void theTwoInstancesSplitTheForwardersSegments() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> owners = List.of();
        while (System.nanoTime() < deadline) {
            owners = jdbc.sql("SELECT owner FROM token_entry WHERE processor_name = 'kafka-publisher' ORDER BY segment")
                    .query(String.class).list();
            if (owners.size() == 2 && owners.stream().allMatch(java.util.Objects::nonNull)
                    && !owners.get(0).equals(owners.get(1))) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(owners).as("owners of the forwarder's two segments").hasSize(2).doesNotContainNull();
        assertThat(owners.get(0)).as("each instance holds one segment").isNotEqualTo(owners.get(1));
        assertThat(owners).allMatch(owner -> owner.startsWith("plan-service#"));
    }
}
