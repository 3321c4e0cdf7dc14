package org.mejora.web.imports;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.UUID;

/**
 * A file previewed but not imported yet, kept in the user's session so that "Importar" imports exactly the file
 * shown, without choosing it again. One at a time: a new preview replaces the last.
 */
record PendingImport(String token, String name, byte[] content, String type, PlanImport form)
        implements Serializable {

    private static final String KEY = PendingImport.class.getName();

    static PendingImport keep(HttpSession session, UploadedFile file, PlanImport form) {
        PendingImport pending = new PendingImport(UUID.randomUUID().toString(), file.name(), file.content(),
                file.type().toString(), form);
        session.setAttribute(KEY, pending);
        return pending;
    }

    /** The pending file with this token, taken out of the session; null when it is gone or another replaced it. */
    static PendingImport take(HttpSession session, String token) {
        if (session.getAttribute(KEY) instanceof PendingImport pending && pending.token().equals(token)) {
            session.removeAttribute(KEY);
            return pending;
        }
        return null;
    }

    UploadedFile file() {
        return new UploadedFile(name, content, org.springframework.http.MediaType.parseMediaType(type));
    }
}
