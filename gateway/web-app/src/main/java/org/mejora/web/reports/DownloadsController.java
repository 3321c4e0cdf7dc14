package org.mejora.web.reports;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Download;
import org.mejora.web.api.Gateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.Set;

/**
 * The plan's files in the seeds' layouts, one click from the plan: reporting's exports passed through as they come
 * (content type, file name), in the user's language.
 */
@Controller
class DownloadsController {

    static final Set<String> FILES =
            Set.of("gem-fm014.xlsx", "caf.xlsx", "follow-up-report.pdf", "follow-up-report.docx");

    private final Gateway gateway;

    DownloadsController(Gateway gateway) {
        this.gateway = gateway;
    }

    /** An evidence file of a plan, as plan-service serves it to this user (its type sniffed when it was uploaded). */
    @GetMapping("/plans/{planId}/evidence-files/{fileId}")
    ResponseEntity<byte[]> evidence(@PathVariable String planId, @PathVariable String fileId) {
        Download download = gateway.download("/api/plans/{id}/evidence-files/{fileId}", planId, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition() != null
                        ? download.contentDisposition() : ContentDisposition.attachment().filename(fileId).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    @GetMapping("/plans/{planId}/downloads/{file}")
    ResponseEntity<byte[]> download(@PathVariable String planId, @PathVariable String file,
                                    @RequestParam(required = false) String reportId) {
        if (!FILES.contains(file)) {
            throw new ApiProblem(404, Map.of("detail", file));
        }
        Download download = reportId == null || reportId.isBlank()
                ? gateway.download("/api/reports/plans/{id}/exports/{file}", planId, file)
                : gateway.download("/api/reports/plans/{id}/exports/{file}?reportId={reportId}", planId, file,
                reportId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition() != null
                        ? download.contentDisposition()
                        : ContentDisposition.attachment().filename(file).build().toString())
                .body(download.content());
    }
}
