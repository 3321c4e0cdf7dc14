package org.mejora.reporting.notification;

import java.util.List;
import java.util.Locale;

/** A person of the directory: where and in which language they are told, and whether they take digests. */
record Person(String userId, String institutionId, String name, String email, String language, List<String> roles,
              boolean digests) {

    boolean mailable() {
        return email != null && !email.isBlank();
    }

    Locale locale() {
        return MailTexts.locale(language);
    }
}
