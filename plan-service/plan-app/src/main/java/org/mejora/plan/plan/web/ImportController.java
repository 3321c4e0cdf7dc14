package org.mejora.plan.plan.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.contract.Forbidden;
import org.mejora.plan.web.ImportRejected;
import org.mejora.plan.web.Versions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans and follow-up sheets from spreadsheets (XLSX, CSV, TSV) in the layouts of seeds 001 and 003. The file is
 * the request body. A file with any unreadable cell is rejected whole with 422 and the list of cells and reasons
 * (the first 200, with the total); so is a file without data rows, or with more rows than {@link ImportLimits} allows.
 * With {@code dryRun=true} nothing is written: the answer (200) shows what would be imported and the warnings.
 */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Import", description = "Importar planes y seguimientos desde hojas de cálculo")
@Timed("mejora.plan.http")
class ImportController {

    private static final String USER = PlanController.USER;

    private final PlanImporter importer;
    private final PlanAccess access;
    private final ImportPreview preview;

    ImportController(PlanImporter importer, PlanAccess access, ImportPreview preview) {
        this.importer = importer;
        this.access = access;
        this.preview = preview;
    }

    @PostMapping(value = "/imports", consumes = "*/*")
    @Operation(summary = "Importar un plan (GEM-FM014 o plan CAF con su hoja de seguimiento) / import a plan")
    ResponseEntity<Map<String, Object>> importPlan(@RequestBody byte[] file,
                                                   @RequestParam(defaultValue = "plan.xlsx") String fileName,
                                                   @RequestParam(required = false) PlanKind kind,
                                                   @RequestParam(required = false) String title,
                                                   @RequestParam(required = false) String period,
                                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                                   @RequestAttribute(USER) VerifiedUser user) {
        if (!user.hasAny(Role.PLAN_OWNER, Role.ADMIN)) {
            throw new Forbidden("PLAN_OWNER or ADMIN required to import a plan");
        }
        if (kind == PlanKind.INDIVIDUAL) {
            throw new Forbidden("individual plans are opened from the evaluation result");
        }
        ImportLimits.check(file, fileName);
        PlanWorkbook.ImportedPlan plan = PlanWorkbook.plan(Spreadsheet.read(file, fileName), fileName, kind, title,
                period);
        if (plan.findings().isEmpty()) {
            throw noDataRows(fileName);
        }
        if (dryRun) {
            return ResponseEntity.ok(preview.plan(plan, true));
        }
        String planId = importer.importPlan(plan, user, user.has(Role.PLAN_OWNER) ? Role.PLAN_OWNER : Role.ADMIN);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", planId);
        body.putAll(preview.plan(plan, false));
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(body);
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importar un plan desde un formulario (campo file) / import a plan from a form upload")
    ResponseEntity<Map<String, Object>> importPlanForm(@RequestPart("file") MultipartFile file,
                                                       @RequestParam(required = false) PlanKind kind,
                                                       @RequestParam(required = false) String title,
                                                       @RequestParam(required = false) String period,
                                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                                       @RequestAttribute(USER) VerifiedUser user) throws IOException {
        return importPlan(file.getBytes(), fileName(file, "plan.xlsx"), kind, title, period, dryRun, user);
    }

    @PostMapping(value = "/{planId}/follow-up-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importar la hoja de seguimiento desde un formulario (campo file) / from a form upload")
    ResponseEntity<Map<String, Object>> importFollowUpsForm(@PathVariable String planId,
                                                            @RequestPart("file") MultipartFile file,
                                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                                            @RequestAttribute(USER) VerifiedUser user)
            throws IOException {
        return importFollowUps(planId, file.getBytes(), fileName(file, "seguimiento.xlsx"), dryRun, user);
    }

    /** A file with headers and nothing below them imports nothing: no empty plan is created. */
    private static ImportRejected noDataRows(String fileName) {
        return new ImportRejected(List.of(new ImportRejected.CellError(fileName, 0, null, null, "import.empty")));
    }

    private static String fileName(MultipartFile file, String otherwise) {
        return file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? otherwise : file.getOriginalFilename();
    }

    @PostMapping(value = "/{planId}/follow-up-imports", consumes = "*/*")
    @Operation(summary = "Importar la hoja SEGUIMIENTO AVANCES en un plan en ejecución / import a follow-up sheet")
    ResponseEntity<Map<String, Object>> importFollowUps(@PathVariable String planId, @RequestBody byte[] file,
                                                        @RequestParam(defaultValue = "seguimiento.xlsx")
                                                        String fileName,
                                                        @RequestParam(defaultValue = "false") boolean dryRun,
                                                        @RequestAttribute(USER) VerifiedUser user) {
        PlanView plan = access.plan(planId, user, PlanAccess.Duty.OWN);
        Role role = access.actingAs(plan, user, PlanAccess.Duty.OWN);
        Map<String, PlanWorkbook.PlannedAction> planned = new LinkedHashMap<>();
        plan.findings.forEach(f -> f.actions.forEach(a ->
                planned.put(a.number, new PlanWorkbook.PlannedAction(a.name, a.tasks))));
        ImportLimits.check(file, fileName);
        var rows = PlanWorkbook.followUps(Spreadsheet.read(file, fileName), fileName, planned);
        if (rows.isEmpty()) {
            throw noDataRows(fileName);
        }
        var toRecord = PlanImporter.progressToRecord(plan, rows);
        if (dryRun) {
            return ResponseEntity.ok().eTag(Versions.etag(plan.version)).body(preview.followUps(rows, toRecord, true));
        }
        importer.importFollowUps(plan, rows, fileName, access.today(), user, role);
        return ResponseEntity.ok().eTag(Versions.etag(access.plan(planId, user, PlanAccess.Duty.READ).version))
                .body(preview.followUps(rows, toRecord, false));
    }
}
