package org.mejora.plan.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, read from its first bytes rather than from its name or the type the browser claimed: the kinds
 * of evidence institutions file (PDF, images, office documents). Anything else is refused, so that a download
 * never serves a script or an executable under an evidence's name.
 */
public final class ContentSniffer {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    static final String LEGACY_OFFICE = "application/x-ole-storage";

    private ContentSniffer() {
    }

    public static Optional<String> typeOf(byte[] content) {
        if (starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (starts(content, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(PNG);
        }
        if (starts(content, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (starts(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || starts(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(GIF);
        }
        if (content.length >= 12 && starts(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (starts(content, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1})) {
            return Optional.of(LEGACY_OFFICE);
        }
        if (starts(content, new byte[]{'P', 'K', 3, 4})) {
            return office(content);
        }
        return Optional.empty();
    }

    /** A ZIP is an office document only when its entries say so; any other archive is refused. */
    private static Optional<String> office(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 2000) {
                String name = entry.getName();
                if (name.equals("mimetype")) {
                    String type = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    return type.equals(ODT) || type.equals(ODS) ? Optional.of(type) : Optional.empty();
                }
                if (name.startsWith("word/")) {
                    return Optional.of(DOCX);
                }
                if (name.startsWith("xl/")) {
                    return Optional.of(XLSX);
                }
                if (name.startsWith("ppt/")) {
                    return Optional.of(PPTX);
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
