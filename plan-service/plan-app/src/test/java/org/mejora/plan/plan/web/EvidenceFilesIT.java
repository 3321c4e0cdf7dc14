package org.mejora.plan.plan.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.PlanServiceContext;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence files: uploaded, sniffed, named by a follow-up whose event carries their hash, downloaded in-house only. */
class EvidenceFilesIT extends PlanServiceContext {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final byte[] MINUTES = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
            + "% Acta de la mesa de trabajo del 2021-09-30\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);
    private final VerifiedUser reviewer = TestIdentities.user("control", institution, Role.PLAN_REVIEWER);
    private final VerifiedUser approver = TestIdentities.user("ccruz", institution, Role.PLAN_APPROVER);

    private Api.Response upload(VerifiedUser user, String path, byte[] body, String type) {
        return as(user).send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private String planInExecution() {
        Api.Response imported = upload(owner, "/api/plans/imports?fileName=GEM-FM014.xlsx",
                SeedWorkbooks.xlsx(Map.of("Plan", SeedWorkbooks.seed("001").replace("\t004-21\t", "\tago-21\t"))),
                XLSX);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String planId = imported.json().get("planId").asText();
        assertThat(as(owner).post("/api/plans/" + planId + "/submission", "{}").status())
                .isLessThan(300);
        assertThat(as(reviewer).post("/api/plans/" + planId + "/review", "{}")
                .status()).isLessThan(300);
        assertThat(as(approver).post("/api/plans/" + planId + "/approval", "{}")
                .status()).isLessThan(300);
        assertThat(as(approver).post("/api/plans/" + planId + "/execution", "{}").status()).isLessThan(300);
        return planId;
    }

    @Test
    void aFollowUpShowsAnUploadedFileWhoseHashTheHistoryKeepsAndOnlyTheInstitutionDownloadsIt() throws Exception {
        String planId = planInExecution();
        String files = "/api/plans/" + planId + "/evidence-files";

        Api.Response disguised = upload(owner, files + "?fileName=acta.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "application/pdf");
        assertThat(disguised.status()).as(disguised.toString()).isEqualTo(422);
        assertThat(disguised.json().get("rule").asText()).isEqualTo("evidence.unsupported-type");
        VerifiedUser auditor = TestIdentities.user("auditor", institution, Role.AUDITOR);
        assertThat(upload(auditor, files + "?fileName=acta.pdf", MINUTES, "application/pdf").status())
                .isEqualTo(403);

        Api.Response uploaded = upload(owner, files + "?fileName=acta-mesa.pdf", MINUTES, "application/octet-stream");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(MINUTES));
        assertThat(uploaded.json().get("sha256").asText()).isEqualTo(sha256);
        assertThat(uploaded.json().get("contentType").asText()).isEqualTo("application/pdf");
        String fileId = uploaded.json().get("fileId").asText();

        JsonNode plan = as(owner).get("/api/plans/" + planId).json();
        String actionId = plan.get("findings").get(0).get("actions").get(0).get("actionId").asText();
        Api.Response unknown = as(owner).post("/api/plans/" + planId + "/actions/" + actionId + "/progress",
                "{\"percent\":25,\"files\":[{\"fileId\":\"no-such-file\"}]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("rule").asText()).isEqualTo("evidence.unknown-file");
        Api.Response progress = as(owner).post("/api/plans/" + planId + "/actions/" + actionId + "/progress",
                "{\"percent\":25,\"comment\":\"Mesa instalada\",\"files\":[{\"fileId\":\"" + fileId + "\"}]}");
        assertThat(progress.status()).as(progress.toString()).isLessThan(300);

        JsonNode action = as(owner).get("/api/plans/" + planId).json().get("findings").get(0).get("actions").get(0);
        assertThat(action.get("files").get(0).get("sha256").asText()).isEqualTo(sha256);
        assertThat(action.get("files").get(0).get("name").asText()).isEqualTo("acta-mesa.pdf");
        JsonNode followUps = as(owner).get("/api/plans/" + planId + "/actions/" + actionId + "/follow-ups").json();
        assertThat(followUps.get("items").get(0).get("files").get(0).get("fileId").asText()).isEqualTo(fileId);

        Api.Response download = as(auditor).get(files + "/" + fileId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("acta-mesa.pdf");
        assertThat(download.body()).isEqualTo(MINUTES);
        VerifiedUser stranger = TestIdentities.user("lhernandez", TestIdentities.newInstitution(), Role.PLAN_OWNER);
        assertThat(as(stranger).get(files + "/" + fileId).status()).isEqualTo(404);
    }
}
