package org.mejora.web.api;

/** A file the API produced (an export or a report), passed through to the browser unchanged. */
public record Download(byte[] content, String contentType, String contentDisposition) {
}
