package org.mejora.plan.plan.web;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.api.EvidenceFile;
import org.mejora.plan.evidence.EvidenceStore;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.contract.Forbidden;
import org.mejora.contract.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
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
import java.nio.charset.StandardCharsets;

/**
 * Evidence files of a plan (actas, fotos, documentos firmados): uploaded by whoever follows up or verifies its
 * actions, then named by the follow-up or verification that shows them, whose event carries each file's SHA-256.
 * Downloads follow the plan's reading rules: another institution's file is not found.
 */
@RestController
@RequestMapping("/api/plans/{planId}/evidence-files")
@Tag(name = "Evidence files", description = "Archivos de evidencia (medios de verificación)")
@Timed("mejora.plan.http")
class EvidenceFileController {

    private static final String USER = PlanController.USER;

    private final EvidenceStore store;
    private final PlanAccess access;

    EvidenceFileController(EvidenceStore store, PlanAccess access) {
        this.store = store;
        this.access = access;
    }

    @PostMapping(consumes = "*/*")
    @Operation(summary = "Subir un archivo de evidencia (PDF, imagen, documento de oficina) / upload an evidence file",
            description = "The type is read from the file's bytes; the answer gives its id and SHA-256, which a "
                    + "follow-up (progress) or verification then names in its files.")
    @Transactional
    ResponseEntity<EvidenceFile> upload(@PathVariable String planId, @RequestBody byte[] file,
                                        @RequestParam(defaultValue = "evidencia") String fileName,
                                        @RequestAttribute(USER) VerifiedUser user) {
        PlanView plan = access.plan(planId, user, PlanAccess.Duty.READ);
        if (!may(plan, user, PlanAccess.Duty.OWN) && !may(plan, user, PlanAccess.Duty.VERIFY)) {
            throw new Forbidden("only who follows up or verifies the plan's actions uploads evidence");
        }
        EvidenceFile stored = store.store(planId, plan.institutionId, fileName, file, user.userId());
        return ResponseEntity.created(URI.create("/api/plans/" + planId + "/evidence-files/" + stored.fileId()))
                .body(stored);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Subir un archivo de evidencia desde un formulario (campo file) / from a form upload")
    ResponseEntity<EvidenceFile> uploadForm(@PathVariable String planId, @RequestPart("file") MultipartFile file,
                                            @RequestAttribute(USER) VerifiedUser user) throws IOException {
        return upload(planId, file.getBytes(), file.getOriginalFilename() == null ? "evidencia"
                : file.getOriginalFilename(), user);
    }

    @GetMapping("/{fileId}")
    @Operation(summary = "Descargar un archivo de evidencia / download an evidence file")
    ResponseEntity<byte[]> download(@PathVariable String planId, @PathVariable String fileId,
                                    @RequestAttribute(USER) VerifiedUser user) {
        access.plan(planId, user, PlanAccess.Duty.READ);
        EvidenceStore.StoredFile stored = store.read(planId, fileId)
                .orElseThrow(() -> new NotFound("evidence file " + fileId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.file().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.file().name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .eTag("\"" + stored.file().sha256() + "\"")
                .body(stored.content());
    }

    private boolean may(PlanView plan, VerifiedUser user, PlanAccess.Duty duty) {
        try {
            access.actingAs(plan, user, duty);
            return true;
        } catch (Forbidden notThisDuty) {
            return false;
        }
    }
}
