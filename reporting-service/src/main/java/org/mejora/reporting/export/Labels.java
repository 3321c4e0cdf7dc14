package org.mejora.reporting.export;

import org.springframework.context.MessageSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The texts of a download in the reader's language: Spanish as the seeds print them, or English. */
record Labels(MessageSource messages, Locale locale) {

    String get(String key) {
        return messages.getMessage(key, null, locale);
    }

    String getOrElse(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, locale);
    }

    String format(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** A header row: cells separated by {@code |}, empty cells kept where the seed merges two columns. */
    List<String> columns(String key) {
        return Arrays.asList(get(key).split("\\|", -1));
    }

    String yesNo(Boolean value) {
        return value == null ? "" : get(value ? "export.yes" : "export.no");
    }
}
