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
