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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans and follow-up sheets imported from XLSX workbooks built from the seeds' text. */
class PlanImportIT extends PlanServiceContext {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String institution = TestIdentities.newInstitution();
    private final VerifiedUser owner = TestIdentities.user("lhernandez", institution, Role.PLAN_OWNER);

    private Api.Response upload(String path, byte[] file, String contentType) {
        return as(owner).send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    @Test
    void seed001IsRejectedWholeNamingTheUnreadableCellAndImportedOnceCorrected() {
        String seed = SeedWorkbooks.seed("001");
        int before = as(owner).get("/api/plans").json().get("total").asInt();

        Api.Response rejected = upload("/api/plans/imports?fileName=GEM-FM014.xlsx",
                SeedWorkbooks.xlsx(Map.of("Plan", seed)), XLSX);

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.json().get("rule").asText()).isEqualTo("import.rejected");
        JsonNode error = rejected.json().get("errors").get(0);
        assertThat(error.get("column").asText()).isEqualTo("Fecha inicial de la Acción");
        assertThat(error.get("value").asText()).isEqualTo("004-21");
        assertThat(error.get("row").asInt()).isPositive();
        assertThat(error.get("reason").asText()).contains("jun-21");
        assertThat(as(owner).get("/api/plans").json().get("total").asInt()).isEqualTo(before);

        Api.Response imported = upload("/api/plans/imports?fileName=GEM-FM014.xlsx",
                SeedWorkbooks.xlsx(Map.of("Plan", seed.replace("\t004-21\t", "\tago-21\t"))), XLSX);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode plan = as(owner).get("/api/plans/" + imported.json().get("planId").asText()).json();
        assertThat(plan.get("kind").asText()).isEqualTo("AUDIT");
        assertThat(plan.get("formatCode").asText()).isEqualTo("GEM-FM014");
        assertThat(plan.get("subscriptionDate").asText()).isEqualTo("2021-09-21");
        assertThat(plan.get("findings")).hasSize(2);
        JsonNode action = plan.get("findings").get(1).get("actions").get(0);
        assertThat(action.get("start").asText()).isEqualTo("2021-06");
        assertThat(action.get("end").asText()).isEqualTo("2022-01");
        assertThat(action.get("responsibleUnit").asText()).isEqualTo("Secretaría de Planeación");
    }

    @Test
    void seed003IsImportedAsTsvOnceItsShiftedRowsAndFollowUpSheetAreCorrected() {
        String seed = SeedWorkbooks.seed("003");
        Api.Response rejected = upload("/api/plans/imports?fileName=caf.tsv",
                seed.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/tab-separated-values");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().get("errors")).anySatisfy(e ->
                assertThat(e.get("rule").asText()).isEqualTo("import.cell.action-mismatch"));

        Api.Response imported = upload("/api/plans/imports?fileName=caf.xlsx",
                SeedWorkbooks.xlsx(SeedWorkbooks.cafSheets(CorrectedSeeds.caf(seed))), XLSX);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("findings").asInt()).isEqualTo(17);
        assertThat(imported.json().get("followUpRowsChecked").asInt()).isEqualTo(17);
        JsonNode plan = as(owner).get("/api/plans/" + imported.json().get("planId").asText()).json();
        assertThat(plan.get("kind").asText()).isEqualTo("CAF_SELF_ASSESSMENT");
        JsonNode eighth = plan.get("findings").get(7);
        assertThat(eighth.get("source").get("criterion").asText()).startsWith("CRITERIO 3");
        assertThat(eighth.get("actions").get(0).get("start").asText()).isEqualTo("2023-T2");
        assertThat(eighth.get("actions").get(0).get("tasks")).hasSize(4);
    }

    @Test
    void aWorkbookUploadedFromAFormIsImportedToo() throws java.io.IOException {
        String boundary = "mejora-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"GEM-FM014.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(SeedWorkbooks.xlsx(Map.of("Plan", SeedWorkbooks.seed("001").replace("\t004-21\t", "\tago-21\t"))));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Api.Response imported = upload("/api/plans/imports", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("findings").asInt()).isEqualTo(2);
    }

    @Test
    void aDryRunShowsWhatWouldBeImportedAndWritesNothing() {
        String seed = SeedWorkbooks.seed("003");
        byte[] workbook = SeedWorkbooks.xlsx(SeedWorkbooks.cafSheets(CorrectedSeeds.caf(seed)));
        int before = as(owner).get("/api/plans").json().get("total").asInt();

        Api.Response preview = upload("/api/plans/imports?fileName=caf.xlsx&dryRun=true", workbook, XLSX);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("dryRun").asBoolean()).isTrue();
        assertThat(preview.json().has("planId")).isFalse();
        assertThat(preview.json().get("period").asText()).isEqualTo("2023");
        assertThat(preview.json().get("findings").asInt()).isEqualTo(17);
        assertThat(preview.json().get("findingList").get(0).get("actions").get(0).get("start").asText())
                .isEqualTo("T1-2023");
        assertThat(preview.json().get("followUpList")).hasSize(17);
        assertThat(as(owner).get("/api/plans").json().get("total").asInt()).isEqualTo(before);

        Api.Response imported = upload("/api/plans/imports?fileName=caf.xlsx", workbook, XLSX);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("dryRun").asBoolean()).isFalse();
        JsonNode plan = as(owner).get("/api/plans/" + imported.json().get("planId").asText()).json();
        assertThat(plan.get("period").asText()).isEqualTo("2023");
        assertThat(as(owner).get("/api/plans").json().get("total").asInt()).isEqualTo(before + 1);
    }

    @Test
    void aFollowUpSheetWithTasksRetypedIsRecordedWithAWarningAfterADryRun() {
        String seed = SeedWorkbooks.seed("003");
        String planId = upload("/api/plans/imports?fileName=caf.xlsx",
                SeedWorkbooks.xlsx(SeedWorkbooks.cafSheets(CorrectedSeeds.caf(seed))), XLSX).json()
                .get("planId").asText();
        VerifiedUser reviewer = TestIdentities.user("control", institution, Role.PLAN_REVIEWER);
        VerifiedUser approver = TestIdentities.user("ccruz", institution, Role.PLAN_APPROVER);
        assertThat(as(owner).post("/api/plans/" + planId + "/submission", "{}")
                .status()).isLessThan(300);
        assertThat(as(reviewer).post("/api/plans/" + planId + "/review", "{}").status())
                .isLessThan(300);
        assertThat(as(approver).post("/api/plans/" + planId + "/approval", "{}").status())
                .isLessThan(300);
        assertThat(as(approver).post("/api/plans/" + planId + "/execution", "{}").status()).isLessThan(300);
        // the seed's own follow-up sheet: rows 6-9 keep the plan's action names over another action's tasks
        String followUp = seed.substring(seed.indexOf("SEGUIMIENTO AVANCES"));
        String marked = SeedWorkbooks.withRow(followUp, "6\t", cells -> {
            String[] row = java.util.Arrays.copyOf(cells, 12);
            java.util.Arrays.fill(row, 5, 12, "");
            row[7] = "X";
            return row;
        });
        byte[] sheet = SeedWorkbooks.xlsx(Map.of("SEGUIMIENTO", marked.substring(0, marked.indexOf("\n10\t"))));

        Api.Response preview = upload("/api/plans/" + planId + "/follow-up-imports?dryRun=true", sheet, XLSX);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("progressToRecord").asInt()).isEqualTo(1);
        assertThat(preview.json().get("warnings")).anySatisfy(w -> {
            assertThat(w.get("rule").asText()).isEqualTo("import.warning.tasks-differ");
            assertThat(w.get("reason").asText()).contains("revise las tareas");
        });
        JsonNode sixth = as(owner).get("/api/plans/" + planId).json().get("findings").get(5).get("actions").get(0);
        assertThat(sixth.get("percent").asInt()).isZero();

        Api.Response recorded = upload("/api/plans/" + planId + "/follow-up-imports", sheet, XLSX);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get("progressRecorded").asInt()).isEqualTo(1);
        sixth = as(owner).get("/api/plans/" + planId).json().get("findings").get(5).get("actions").get(0);
        assertThat(sixth.get("percent").asInt()).isEqualTo(50);
    }

    @Test
    void anAuditorCannotImport() {
        VerifiedUser auditor = TestIdentities.user("auditor", institution, Role.AUDITOR);
        Api.Response forbidden = as(auditor).send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/plans/imports"))
                .header("Content-Type", XLSX).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{1})));
        assertThat(forbidden.status()).isEqualTo(403);
    }
}
