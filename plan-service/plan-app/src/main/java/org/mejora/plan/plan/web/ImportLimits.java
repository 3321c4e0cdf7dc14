package org.mejora.plan.plan.web;

import org.mejora.plan.web.ImportRejected;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a spreadsheet may hold before it is parsed: at most {@link #MAX_ROWS} rows and, for a workbook, at most
 * {@link #MAX_UNZIPPED_BYTES} once unzipped. Both are counted by streaming over the bytes, without building
 * anything, so that a file of millions of short rows is refused before it can fill the heap.
 */
final class ImportLimits {

    static final int MAX_ROWS = 10_000;
    static final long MAX_UNZIPPED_BYTES = 64L * 1024 * 1024;

    private static final byte[] ROW = "<row".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ImportLimits() {
    }

    static void check(byte[] file, String name) {
        if (file == null || file.length == 0) {
            return;
        }
        long rows = file.length > 3 && file[0] == 'P' && file[1] == 'K' ? workbookRows(file, name) : textRows(file);
        if (rows > MAX_ROWS) {
            throw new ImportRejected(List.of(new ImportRejected.CellError(name, MAX_ROWS + 1, null, null,
                    "import.too-many-rows", MAX_ROWS)));
        }
    }

    /** Line breaks (LF, or CR alone), and a last line without one. */
    private static long textRows(byte[] file) {
        long rows = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n' || (file[i] == '\r' && (i + 1 == file.length || file[i + 1] != '\n'))) {
                rows++;
            }
        }
        return file[file.length - 1] == '\n' || file[file.length - 1] == '\r' ? rows : rows + 1;
    }

    /** The {@code <row} elements of every worksheet, reading the archive as a stream. */
    private static long workbookRows(byte[] file, String name) {
        long rows = 0;
        long unzipped = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                boolean sheet = entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml");
                int matched = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unzipped += n;
                    if (unzipped > MAX_UNZIPPED_BYTES) {
                        throw new ImportRejected(List.of(new ImportRejected.CellError(name, 0, null, null,
                                "import.too-many-rows", MAX_ROWS)));
                    }
                    if (sheet) {
                        for (int i = 0; i < n; i++) {
                            matched = buffer[i] == ROW[matched] ? matched + 1 : (buffer[i] == ROW[0] ? 1 : 0);
                            if (matched == ROW.length) {
                                rows++;
                                matched = 0;
                            }
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new ImportRejected(List.of(new ImportRejected.CellError(name, 0, null, null, "import.format")));
        }
        return rows;
    }
}
