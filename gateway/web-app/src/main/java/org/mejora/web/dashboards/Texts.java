package org.mejora.web.dashboards;

import org.springframework.context.MessageSource;

import java.util.Locale;

/** The page's messages in the user's language, for labels built in Java (chart labels travel as JSON). */
record Texts(MessageSource messages, Locale locale) {

    String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** An action status in words; an unknown one as it came. */
    String status(String status) {
        return messages.getMessage("insights.status." + status, null, status, locale);
    }

    /** "—" is what reporting groups actions without a unit, criterion or factor under. */
    String group(String key) {
        return "—".equals(key) ? get("insights.dashboard.none") : key;
    }
}
