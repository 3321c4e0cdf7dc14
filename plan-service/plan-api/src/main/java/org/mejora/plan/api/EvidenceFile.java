package org.mejora.plan.api;

/**
 * A file shown as evidence (medio de verificación): minutes, a photo, a signed document. Its SHA-256 in the event
 * proves afterwards which file was shown; the content itself stays in plan-service's file store.
 *
 * @param contentType the type read from the file's first bytes, not the one the uploader claimed
 * @param taskNumber  the action's task the file supports, or null for the follow-up or verification as a whole
 */
public record EvidenceFile(String fileId, String name, String contentType, long size, String sha256,
                           Integer taskNumber) {
}
