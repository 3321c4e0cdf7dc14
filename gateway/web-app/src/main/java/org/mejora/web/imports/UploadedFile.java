package org.mejora.web.imports;

import org.mejora.web.api.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * A spreadsheet the user chose, as plan-service reads it: the bytes, the file name (which names the sheet of a CSV or
 * TSV in the rejected cells) and the content type its extension says.
 */
record UploadedFile(String name, byte[] content, MediaType type) {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType TSV = MediaType.parseMediaType("text/tab-separated-values");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    /** The file of the form, or a problem beside the file field when none was chosen. */
    static UploadedFile of(MultipartFile file, String noFileTitle, String noFileDetail) {
        if (file == null || file.isEmpty()) {
            throw new ApiProblem(400, Map.of("title", noFileTitle, "detail", noFileDetail, "field", "file"));
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "plan.xlsx" : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
        try {
            return new UploadedFile(name, file.getBytes(), typeOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaType typeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        // TSV and text exports of the seeds; plan-service tells an XLSX by its content, not by this type.
        return lower.endsWith(".tsv") || lower.endsWith(".txt") ? TSV : MediaType.APPLICATION_OCTET_STREAM;
    }
}
