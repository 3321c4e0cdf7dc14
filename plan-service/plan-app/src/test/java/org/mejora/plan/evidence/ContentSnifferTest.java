package org.mejora.plan.evidence;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence is what its bytes say, whatever its name claims. */
class ContentSnifferTest {

    @Test
    void pdfsImagesAndOfficeDocumentsAreKnownByTheirBytes() throws IOException {
        assertThat(ContentSniffer.typeOf("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).hasValue("application/pdf");
        assertThat(ContentSniffer.typeOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .hasValue("image/png");
        assertThat(ContentSniffer.typeOf(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .hasValue("image/jpeg");
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Acta de reunión");
            document.write(out);
            assertThat(ContentSniffer.typeOf(out.toByteArray()))
                    .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
    }

    @Test
    void scriptsExecutablesAndOtherArchivesAreNotEvidence() throws IOException {
        assertThat(ContentSniffer.typeOf("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ContentSniffer.typeOf(new byte[]{'M', 'Z', (byte) 0x90, 0})).isEmpty();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("payload.sh"));
            out.write("rm -rf /".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(ContentSniffer.typeOf(zip.toByteArray())).isEmpty();
        assertThat(ContentSniffer.typeOf(new byte[0])).isEmpty();
    }

    @Test
    void aDownloadIsNamedByTheFilesLastSegmentOnly() {
        assertThat(EvidenceStore.safeName("C:\\\\Users\\\\ana\\\\acta \"final\".pdf")).isEqualTo("acta final.pdf");
        assertThat(EvidenceStore.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceStore.safeName("  ")).isEqualTo("evidencia");
    }
}
