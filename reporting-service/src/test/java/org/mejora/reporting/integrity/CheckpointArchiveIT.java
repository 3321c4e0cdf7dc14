package org.mejora.reporting.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.envelope.chain.ChainJson;
import org.mejora.envelope.chain.CheckpointSigner;
import org.mejora.envelope.chain.EventHash;
import org.mejora.identity.Role;
import org.mejora.plan.api.PlanTopics;
import org.mejora.reporting.support.ReportingIT;
import org.mejora.testing.Api;
import org.mejora.testing.TestHistoryKey;
import org.mejora.testing.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reporting keeps the producers' signed checkpoints, and says which ones verify with the key they name. */
class CheckpointArchiveIT extends ReportingIT {

    private final CheckpointSigner signer = CheckpointSigner.fromPem(TestHistoryKey.location());

    @Test
    void aPublishedCheckpointIsKeptAndItsSignatureChecked() throws Exception {
        String producer = "plan-service-" + UUID.randomUUID();
        String aggregate = UUID.randomUUID().toString();
        String payload = """
                {"createdAt":"2026-12-02T00:00:00Z","form":1,"heads":[{"aggregateId":"%s","hash":"%s","sequence":3}],\
                "number":1,"previous":"%s","producer":"%s"}""".formatted(aggregate, EventHash.GENESIS,
                EventHash.GENESIS, producer);
        String jws = signer.sign(payload.getBytes(StandardCharsets.UTF_8));
        String[] parts = jws.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

        TopicProbe.publishRaw(PlanTopics.CHECKPOINTS, List.of(Map.entry(producer, record(producer, jws)),
                Map.entry(producer, record(producer, forged))));

        Api admin = as("platform", "platform", Role.PLATFORM_ADMIN);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.get("/api/reports/integrity/checkpoints?producer=" + producer).json().size() == 2);
        JsonNode kept = admin.get("/api/reports/integrity/checkpoints?producer=" + producer).json();
        assertThat(kept).allSatisfy(checkpoint -> {
            assertThat(checkpoint.get("number").asLong()).isEqualTo(1);
            assertThat(checkpoint.get("keyId").asText()).isEqualTo(signer.keyId());
            assertThat(checkpoint.get("heads").asInt()).isEqualTo(1);
        });
        assertThat(kept).extracting(c -> c.get("signatureValid").asBoolean()).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void onlyAPlatformAdministratorReadsCheckpoints() {
        assertThat(auditor().get("/api/reports/integrity/checkpoints").status()).isEqualTo(403);
    }

    private byte[] record(String producer, String jws) throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("producer", producer);
        value.put("number", 1);
        value.put("keyId", signer.keyId());
        value.put("publicJwk", signer.publicJwk());
        value.put("jws", jws);
        return ChainJson.MAPPER.writeValueAsBytes(value);
    }
}
