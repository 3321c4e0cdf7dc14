package org.mejora.plan.integrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.envelope.chain.ChainJson;
import org.mejora.envelope.chain.HistoryBreak;
import org.mejora.envelope.chain.HistoryBreak.Kind;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.plan.api.PlanTopics;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;
import org.mejora.testing.TestInfrastructure;
import org.mejora.testing.TopicProbe;
import org.mejora.verifier.Findings;
import org.mejora.verifier.HistoryVerifier;
import org.mejora.verifier.VerifyHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 3: four ways of rewriting history, each detected by the verifier of {@code infra/verify-history.sh}
 * and named by aggregate and sequence. Every test tampers only with its own fresh plan, and the verifier is scoped to
 * it: the store and the topics hold the data of other tests too.
 */
class HistoryTamperIT extends PlanServiceContext {

    private static final int LAST = 3;

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("owner-" + institution, institution, Role.PLAN_OWNER);
    private final VerifiedUser auditor = TestIdentities.user("auditor-" + institution, institution, Role.AUDITOR);

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private List<ConsumerRecord<String, byte[]>> published = List.of();

    @Autowired
    DataSource dataSource;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Test
    void anUntouchedHistoryHoldsWithItsCheckpointAndOnTheTopic() {
        String planId = planWithFourEvents();

        Findings findings = verify(planId);

        assertThat(findings.breaks()).isEmpty();
        assertThat(findings.events()).isEqualTo(LAST + 1);
        assertThat(findings.unchainedRecords()).isZero();
        assertThat(findings.checkpoints()).isPositive();
    }

    @Test
    void anUpdatedPayloadIsNamed() {
        String planId = planWithFourEvents();

        jdbc().update("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Tercera', 'Alterada'), 'UTF8') where aggregate_identifier = ? and sequence_number = 2", planId);

        assertThat(firstBreak(planId)).extracting(HistoryBreak::aggregateId, HistoryBreak::sequence,
                HistoryBreak::kind).containsExactly(planId, 2L, Kind.EVENT_CHANGED);
    }

    @Test
    void aDeletedEventIsNamed() {
        String planId = planWithFourEvents();

        jdbc().update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 1", planId);

        assertThat(firstBreak(planId)).extracting(HistoryBreak::aggregateId, HistoryBreak::sequence,
                HistoryBreak::kind).containsExactly(planId, 1L, Kind.EVENT_MISSING);
    }

    @Test
    void aLastEventDeletedWithItsLinkIsNamedByTheSignedCheckpoint() {
        String planId = planWithFourEvents();

        jdbc().update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                planId, LAST);
        jdbc().update("delete from event_chain where aggregate_identifier = ? and sequence_number = ?", planId, LAST);

        assertThat(firstBreak(planId)).extracting(HistoryBreak::aggregateId, HistoryBreak::sequence,
                HistoryBreak::kind).containsExactly(planId, (long) LAST, Kind.EVENT_MISSING);
    }

    @Test
    void twoSwappedEventsAreNamed() {
        String planId = planWithFourEvents();

        jdbc().update("update domain_event_entry set sequence_number = -1 where aggregate_identifier = ? "
                + "and sequence_number = 1", planId);
        jdbc().update("update domain_event_entry set sequence_number = 1 where aggregate_identifier = ? "
                + "and sequence_number = 2", planId);
        jdbc().update("update domain_event_entry set sequence_number = 2 where aggregate_identifier = ? "
                + "and sequence_number = -1", planId);

        HistoryBreak found = firstBreak(planId);
        assertThat(found).extracting(HistoryBreak::aggregateId, HistoryBreak::sequence, HistoryBreak::kind)
                .containsExactly(planId, 1L, Kind.ORDER_SWAPPED);
        assertThat(found.detail()).contains("chained at sequence 2");
    }

    @Test
    void twoSwappedPayloadsAreNamed() {
        String planId = planWithFourEvents();

        jdbc().update("""
                update domain_event_entry d set payload = o.payload from domain_event_entry o
                where d.aggregate_identifier = ? and o.aggregate_identifier = d.aggregate_identifier
                  and ((d.sequence_number = 2 and o.sequence_number = 3)
                    or (d.sequence_number = 3 and o.sequence_number = 2))""", planId);

        assertThat(firstBreak(planId)).extracting(HistoryBreak::aggregateId, HistoryBreak::sequence,
                HistoryBreak::kind).containsExactly(planId, 2L, Kind.ORDER_SWAPPED);
    }

    @Test
    void aRewrittenKafkaRecordIsNamed() throws Exception {
        String planId = planWithFourEvents();
        ConsumerRecord<String, byte[]> original = publishedRecord(planId, 2);
        EventEnvelope envelope = ChainJson.MAPPER.readValue(original.value(), EventEnvelope.class);
        ((ObjectNode) envelope.payload()).put("title", "Plan reescrito en Kafka");

        // The forger keeps the key, the event id, the sequence and the chain headers; only the content differs.
        ProducerRecord<String, byte[]> forged = new ProducerRecord<>(PlanTopics.EVENTS, planId,
                ChainJson.MAPPER.writeValueAsBytes(envelope));
        original.headers().forEach(header -> forged.headers().add(header));
        kafka.send(forged).get(30, TimeUnit.SECONDS);

        HistoryBreak found = firstBreak(planId);
        assertThat(found).extracting(HistoryBreak::aggregateId, HistoryBreak::sequence, HistoryBreak::kind)
                .containsExactly(planId, 2L, Kind.KAFKA_RECORD_REWRITTEN);
    }

    @Test
    void anAuditorChecksOnePlanAndItsDownloadedHistoryOffline() throws Exception {
        String planId = planWithFourEvents();

        Api.Response verification = as(auditor).get("/api/plans/" + planId + "/history/verification");
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        assertThat(verification.json().get("holds").asBoolean()).isTrue();
        assertThat(verification.json().get("checkpointSequence").asLong()).isEqualTo(LAST);

        Api.Response proof = as(auditor).get("/api/plans/" + planId + "/history/proof");
        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.header("Content-Disposition")).contains("attachment");
        Path file = Files.createTempFile("plan-history-", ".json");
        Files.write(file, proof.body());
        assertThat(new HistoryVerifier().verifyFile(file).findings().breaks()).isEmpty();
        Path key = Files.createTempFile("history-key-", ".jwk");
        Files.writeString(key, jdbc().queryForObject("select public_jwk from chain_signing_key where key_id = ?",
                String.class, proof.json().get("checkpoint").get("keyId").asText()));
        assertThat(VerifyHistory.run(new String[] {"--file", file.toString(), "--public-key", key.toString()}))
                .isZero();
        Path otherKey = Files.createTempFile("other-key-", ".jwk");
        Files.writeString(otherKey, new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate().toPublicJWK()
                .toJSONString());
        assertThat(VerifyHistory.run(new String[] {"--file", file.toString(), "--public-key", otherKey.toString()}))
                .isEqualTo(1);

        Files.writeString(file, Files.readString(file).replace("Tercera", "Alterada"));
        assertThat(new HistoryVerifier().verifyFile(file).findings().firstBreak()).get()
                .extracting(HistoryBreak::sequence, HistoryBreak::kind).containsExactly(2L, Kind.EVENT_CHANGED);

        jdbc().update("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Cuarta', 'Alterada'), 'UTF8') where aggregate_identifier = ? and sequence_number = 3", planId);
        Api.Response broken = as(auditor).get("/api/plans/" + planId + "/history/verification");
        assertThat(broken.json().get("holds").asBoolean()).isFalse();
        assertThat(broken.json().get("firstBreak").get("sequence").asLong()).isEqualTo(3);
        assertThat(broken.json().get("firstBreak").get("kind").asText()).isEqualTo("EVENT_CHANGED");
    }

    @Test
    void onlyAnAuditorOrAPlatformAdministratorChecksAHistory() {
        String planId = planWithFourEvents();

        assertThat(as(owner).get("/api/plans/" + planId + "/history/verification").status()).isEqualTo(403);
        assertThat(as(TestIdentities.user("auditor-elsewhere", TestIdentities.newInstitution(), Role.AUDITOR))
                .get("/api/plans/" + planId + "/history/proof").status()).isEqualTo(404);
        assertThat(as(TestIdentities.user("platform", "platform", Role.PLATFORM_ADMIN))
                .get("/api/plans/" + planId + "/history/verification").status()).isEqualTo(200);
    }

    /** A plan created and edited three times (events 0..3), published, and covered by a signed checkpoint. */
    private String planWithFourEvents() {
        try (TopicProbe topic = TopicProbe.open(PlanTopics.EVENTS)) {
            Api.Response created = as(owner).post("/api/plans", """
                    {"kind":"AUDIT","title":"Plan Primera","auditedProcess":"Gestión Estratégica","period":"2026"}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String planId = created.json().get("planId").asText();
            for (String title : List.of("Plan Segunda", "Plan Tercera", "Plan Cuarta")) {
                Api.Response edited = as(owner).put("/api/plans/" + planId, """
                        {"title":"%s","auditedProcess":"Gestión Estratégica","period":"2026"}""".formatted(title));
                assertThat(edited.status()).as(edited.toString()).isLessThan(300);
            }
            topic.await(e -> e.aggregateId().equals(planId) && e.sequence() == LAST, Duration.ofSeconds(30));
            published = topic.records();
            await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(LAST).equals(jdbc().queryForObject(
                    "select checkpointed_sequence from chain_head where aggregate_identifier = ?", Long.class, planId)));
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc().queryForObject(
                    "select bool_and(published) from chain_checkpoint", Boolean.class)));
            return planId;
        }
    }

    private ConsumerRecord<String, byte[]> publishedRecord(String planId, long sequence) {
        return published.stream().filter(r -> r.key().equals(planId))
                .filter(r -> codec.read(r.value()).sequence() == sequence).findFirst().orElseThrow();
    }

    private HistoryBreak firstBreak(String planId) {
        Findings findings = verify(planId);
        assertThat(findings.firstBreak()).as("a break in %s", planId).isPresent();
        return findings.firstBreak().get();
    }

    private Findings verify(String planId) {
        String bootstrap = TestInfrastructure.get().kafkaBootstrap();
        try (Connection connection = dataSource.getConnection()) {
            HistoryVerifier verifier = new HistoryVerifier()
                    .verifyStore(connection, HistoryVerifier.Scope.aggregates(List.of(planId)))
                    .verifyTopic(bootstrap, PlanTopics.EVENTS, false)
                    .verifyCheckpointTopic(bootstrap, PlanTopics.CHECKPOINTS);
            verifier.findings().print(System.out);
            return verifier.findings();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
