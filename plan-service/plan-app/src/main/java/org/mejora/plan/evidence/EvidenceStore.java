package org.mejora.plan.evidence;

import org.mejora.plan.api.EvidenceFile;
import org.mejora.contract.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files in PostgreSQL ({@code evidence_file}): written once with their SHA-256 and the type their bytes
 * show, read back only within their plan. A file is stored before the follow-up or verification that shows it,
 * which then carries its id, name, type, size and hash in the event.
 */
@Repository
public class EvidenceStore {

    /** What a download answers: the stored bytes and what they are. */
    public record StoredFile(EvidenceFile file, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final long maxBytes;
    private final Clock clock;

    EvidenceStore(JdbcClient jdbc, @Value("${mejora.evidence.max-bytes:10485760}") long maxBytes, Clock clock) {
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /**
     * Stores a file for a plan after checking its size and sniffing its type.
     *
     * @throws RuleViolation {@code evidence.empty}, {@code evidence.too-large} or {@code evidence.unsupported-type}
     */
    public EvidenceFile store(String planId, String institutionId, String name, byte[] content, String uploadedBy) {
        if (content == null || content.length == 0) {
            throw RuleViolation.invalid("evidence.empty", "file");
        }
        if (content.length > maxBytes) {
            throw RuleViolation.invalid("evidence.too-large", "file", content.length, maxBytes);
        }
        String type = ContentSniffer.typeOf(content)
                .orElseThrow(() -> RuleViolation.invalid("evidence.unsupported-type", "file", name));
        String fileName = safeName(name);
        EvidenceFile file = new EvidenceFile(UUID.randomUUID().toString(), fileName, type, content.length,
                sha256(content), null);
        jdbc.sql("""
                        insert into evidence_file (file_id, plan_id, institution_id, name, content_type, size, sha256,
                            content, uploaded_by, uploaded_at)
                        values (:id, :plan, :institution, :name, :type, :size, :sha, :content, :by, :at)""")
                .param("id", file.fileId()).param("plan", planId).param("institution", institutionId)
                .param("name", fileName).param("type", type).param("size", content.length)
                .param("sha", file.sha256()).param("content", content).param("by", uploadedBy)
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return file;
    }

    /** The plan's files with these ids, each for the task given (null: the whole follow-up or verification). */
    public List<EvidenceFile> of(String planId, List<FileChoice> choices) {
        List<EvidenceFile> files = new ArrayList<>();
        for (FileChoice choice : choices) {
            EvidenceFile file = describe(planId, choice.fileId())
                    .orElseThrow(() -> RuleViolation.invalid("evidence.unknown-file", "files", choice.fileId()));
            files.add(new EvidenceFile(file.fileId(), file.name(), file.contentType(), file.size(), file.sha256(),
                    choice.taskNumber()));
        }
        return files;
    }

    /** A file named by a follow-up or verification: its id and, optionally, the action's task it supports. */
    public record FileChoice(String fileId, Integer taskNumber) {
    }

    public Optional<StoredFile> read(String planId, String fileId) {
        return jdbc.sql("""
                        select file_id, name, content_type, size, sha256, content from evidence_file
                        where plan_id = :plan and file_id = :id""")
                .param("plan", planId).param("id", fileId)
                .query((rs, n) -> new StoredFile(new EvidenceFile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), null), rs.getBytes(6)))
                .optional();
    }

    private Optional<EvidenceFile> describe(String planId, String fileId) {
        return jdbc.sql("""
                        select file_id, name, content_type, size, sha256 from evidence_file
                        where plan_id = :plan and file_id = :id""")
                .param("plan", planId).param("id", fileId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), null))
                .optional();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The last path segment, without control characters, at most 200 characters: what a download is named. */
    static String safeName(String name) {
        String plain = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (plain.isEmpty()) {
            plain = "evidencia";
        }
        return plain.length() > 200 ? plain.substring(plain.length() - 200) : plain;
    }
}
