package org.mejora.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mejora.identity.Role;
import org.mejora.testing.Api;
import org.mejora.testing.TestIdentities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Improvement plans through the gateway, from the seeds: seed 003's CAF plan with its follow-up sheet and seed 001's
 * GEM-FM014 plan arrive as XLSX workbooks, are rejected for their messy cells, corrected and imported, reviewed,
 * approved, followed up, and an action is closed and reopened.
 */
class PlanJourneyIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static SystemUnderTest system;

    private final String institution = TestIdentities.newInstitution();
    // Three different people sign (separation of duties), each with the position of their token.
    private final Api owner = signer("lhernandez", "Responsable Plan", Role.PLAN_OWNER);
    private final Api reviewer = signer("control", "Revisa", Role.PLAN_REVIEWER);
    private final Api approver = signer("ccruz", "Aprueba", Role.PLAN_APPROVER);

    @BeforeAll
    static void startSystem() {
        system = SystemUnderTest.get();
    }

    private Api signer(String user, String position, Role role) {
        return system.gatewayAs(TestIdentities.withPosition(TestIdentities.user(user, institution, role), position));
    }

    @Test
    void theSeedsPlansAreImportedReviewedApprovedFollowedUpClosedAndReopened() {
        String caf = seed("003");

        Api.Response messy = upload(owner, "/api/plans/imports?fileName=plan-caf.xlsx", xlsx(cafSheets(caf)));
        assertThat(messy.status()).as(messy.toString()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        messy.json().get("errors").forEach(e -> errors.add(e.get("sheet").asText() + " " + e.get("row").asInt() + " "
                + e.get("column").asText() + " " + e.get("rule").asText()));
        assertThat(errors).contains("PLAN DE MEJORA 14 Criterios No. import.cell.criterion",
                "PLAN DE MEJORA 21 Inicio import.cell.date",
                "SEGUIMIENTO 19 ACCION DE MEJORA import.cell.action-mismatch");

        Api.Response imported = upload(owner, "/api/plans/imports?fileName=plan-caf.xlsx",
                xlsx(cafSheets(correctedCaf(caf))));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String planId = imported.json().get("planId").asText();
        assertThat(imported.json().get("findings").asInt()).isEqualTo(17);

        String gem = seed("001");
        Api.Response gemMessy = upload(owner, "/api/plans/imports?fileName=GEM-FM014.xlsx", xlsx(Map.of("Plan", gem)));
        assertThat(gemMessy.status()).isEqualTo(422);
        assertThat(gemMessy.json().get("errors")).singleElement()
                .satisfies(e -> assertThat(e.get("value").asText()).isEqualTo("004-21"));
        Api.Response gemImported = upload(owner, "/api/plans/imports?fileName=GEM-FM014.xlsx",
                xlsx(Map.of("Plan", gem.replace("\t004-21\t", "\tago-21\t"))));
        assertThat(gemImported.status()).as(gemImported.toString()).isEqualTo(201);
        JsonNode gemPlan = owner.get("/api/plans/" + gemImported.json().get("planId").asText()).json();
        assertThat(gemPlan.get("auditedProcess").asText()).isEqualTo("Gestión Estratégica");
        assertThat(gemPlan.get("findings").get(1).get("actions").get(0).get("end").asText()).isEqualTo("2022-01");

        ok(owner.post("/api/plans/" + planId + "/submission", "{}"));
        ok(reviewer.post("/api/plans/" + planId + "/review", "{}"));
        ok(approver.post("/api/plans/" + planId + "/approval", "{}"));
        ok(approver.post("/api/plans/" + planId + "/execution", "{}"));

        String followUp = cafSheets(correctedCaf(caf)).get("SEGUIMIENTO");
        followUp = withRow(followUp, "1\t", cells -> mark(cells, 7));
        followUp = withRow(followUp, "2\t", cells -> mark(cells, 9));
        Api.Response progress = upload(owner, "/api/plans/" + planId + "/follow-up-imports?fileName=seguimiento.xlsx",
                xlsx(Map.of("SEGUIMIENTO", followUp)));
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        assertThat(progress.json().get("progressRecorded").asInt()).isEqualTo(2);

        JsonNode plan = owner.get("/api/plans/" + planId).json();
        String second = action(plan, "2").get("actionId").asText();
        assertThat(action(plan, "1").get("percent").asInt()).isEqualTo(50);
        assertThat(action(plan, "2").get("percent").asInt()).isEqualTo(100);

        String path = "/api/plans/" + planId + "/actions/" + second;
        ok(owner.post(path + "/implementation", "{\"evidence\":\"Política de innovación aprobada (acta 12)\"}"));
        ok(reviewer.post(path + "/verification", "{\"compliant\":true,\"effective\":true,\"observations\":\"Cumple\"}"));
        ok(reviewer.post(path + "/closure", ""));
        JsonNode closed = owner.get("/api/plans/" + planId).json();
        assertThat(action(closed, "2").get("status").asText()).isEqualTo("CLOSED");
        assertThat(finding(closed, "2").get("closed").asBoolean()).isTrue();

        ok(reviewer.post(path + "/reopening", "{\"reason\":\"La política no fue divulgada\"}"));
        JsonNode reopened = owner.get("/api/plans/" + planId).json();
        assertThat(reopened.get("status").asText()).isEqualTo("IN_EXECUTION");
        assertThat(reopened.get("submittedBy").get("position").asText()).isEqualTo("Responsable Plan");
        assertThat(reopened.get("reviewedBy").get("position").asText()).isEqualTo("Revisa");
        assertThat(reopened.get("approvedBy").get("position").asText()).isEqualTo("Aprueba");
        JsonNode action = action(reopened, "2");
        assertThat(action.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(finding(reopened, "2").get("closed").asBoolean()).isFalse();
        JsonNode followUps = owner.get(path + "/follow-ups").json().get("items");
        assertThat(followUps).extracting(f -> f.get("type").asText())
                .containsExactly("PROGRESS", "IMPLEMENTED", "VERIFIED", "CLOSED", "REOPENED");
        assertThat(followUps.get(0).get("evidence").asText()).contains("seguimiento.xlsx");
        assertThat(action.get("tasks")).hasSize(4);
        assertThat(owner.get("/api/plans?status=IN_EXECUTION").json().get("items"))
                .anySatisfy(p -> assertThat(p.get("planId").asText()).isEqualTo(planId));
        assertThat(system.gatewayAs("intruso", TestIdentities.newInstitution(), "ADMIN")
                .get("/api/plans/" + planId).status()).isEqualTo(404);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    private static JsonNode finding(JsonNode plan, String number) {
        for (JsonNode finding : plan.get("findings")) {
            if (finding.get("number").asText().equals(number)) {
                return finding;
            }
        }
        throw new AssertionError("no finding " + number);
    }

    private static JsonNode action(JsonNode plan, String number) {
        return finding(plan, number).get("actions").get(0);
    }

    private Api.Response upload(Api api, String path, byte[] file) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + system.port("gateway") + path))
                .header("Content-Type", XLSX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static String seed(String prefix) {
        Path seeds = Path.of(System.getenv().getOrDefault("MEJORA_ROOT", "../..")).resolve("infra/demo/seeds");
        try (var files = Files.list(seeds)) {
            return Files.readString(files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seed 003 as its two sheets: the plan, and "SEGUIMIENTO AVANCES". */
    private static Map<String, String> cafSheets(String text) {
        int followUp = text.indexOf("SEGUIMIENTO AVANCES");
        Map<String, String> sheets = new LinkedHashMap<>();
        sheets.put("PLAN DE MEJORA", text.substring(0, followUp));
        sheets.put("SEGUIMIENTO", text.substring(followUp));
        return sheets;
    }

    /**
     * What the import's report leads a user to fix in seed 003: rows 8 and 15 put back in their columns, and the
     * follow-up sheet's actions and tasks taken from the plan they follow.
     */
    private static String correctedCaf(String seed) {
        int followUpAt = seed.indexOf("SEGUIMIENTO AVANCES");
        String plan = withRow(seed.substring(0, followUpAt), "8\tSubcriterio 4.4", cells -> {
            String[] shifted = new String[cells.length];
            shifted[0] = cells[0];
            shifted[1] = "";
            System.arraycopy(cells, 1, shifted, 2, cells.length - 2);
            return shifted;
        });
        plan = withRow(plan, "15\t\tCRITERIO 8", cells -> {
            String[] shifted = Arrays.copyOf(cells, cells.length);
            System.arraycopy(cells, 2, shifted, 1, cells.length - 2);
            shifted[cells.length - 1] = "";
            return shifted;
        });
        Map<String, String[]> planRows = new HashMap<>();
        for (String line : plan.split("\n")) {
            String[] cells = line.split("\t", -1);
            if (cells[0].matches("\\d+")) {
                planRows.put(cells[0], cells);
            }
        }
        String[] lines = seed.substring(followUpAt).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            if (cells[0].matches("\\d+") && planRows.containsKey(cells[0])) {
                cells[1] = planRows.get(cells[0])[4];
                cells[2] = planRows.get(cells[0])[6];
                lines[i] = String.join("\t", cells);
            }
        }
        return plan + String.join("\n", lines);
    }

    private static String[] mark(String[] cells, int column) {
        String[] marked = Arrays.copyOf(cells, Math.max(cells.length, column + 1));
        marked[column] = "x";
        return marked;
    }

    private static String withRow(String text, String startsWith, UnaryOperator<String[]> change) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(startsWith)) {
                lines[i] = String.join("\t", change.apply(lines[i].split("\t", -1)));
                return String.join("\n", lines);
            }
        }
        throw new IllegalArgumentException("no line starting with " + startsWith);
    }

    /** A minimal XLSX (SpreadsheetML with inline strings): one sheet per entry, one row per line, a cell per tab. */
    static byte[] xlsx(Map<String, String> sheets) {
        List<String> names = new ArrayList<>(sheets.keySet());
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>");
        StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        StringBuilder relations = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= names.size(); i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            workbook.append("<sheet name=\"").append(escape(names.get(i - 1))).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i).append("\"/>");
            relations.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i)
                    .append(".xml\"/>");
        }
        types.append("</Types>");
        workbook.append("</sheets></workbook>");
        relations.append("</Relationships>");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", types.toString());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", workbook.toString());
            put(zip, "xl/_rels/workbook.xml.rels", relations.toString());
            for (int i = 1; i <= names.size(); i++) {
                put(zip, "xl/worksheets/sheet" + i + ".xml", sheet(sheets.get(names.get(i - 1))));
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheet(String text) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        String[] lines = text.split("\n", -1);
        for (int r = 0; r < lines.length; r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            String[] cells = lines[r].split("\t", -1);
            for (int c = 0; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    xml.append("<c r=\"").append(column(c)).append(r + 1).append("\" t=\"inlineStr\"><is>")
                            .append("<t xml:space=\"preserve\">").append(escape(cells[c])).append("</t></is></c>");
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static String column(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index))
                : column(index / 26 - 1) + (char) ('A' + index % 26);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r", "");
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
