package org.mejora.web.history;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's codes in the user's words: statuses, roles, kinds of change, fields, yes/no and the plans' schedule
 * dates ({@code 2021-09-21}, {@code 2021-06}, {@code 2023-T1}, {@code 2023}). An unknown code is shown as it came.
 */
@Component
public class Words {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-T([1-4])");

    private final MessageSource messages;
    private final Moments moments;

    Words(MessageSource messages, Moments moments) {
        this.messages = messages;
        this.moments = moments;
    }

    /** An action's status (PLANNED … CANCELLED) in words. */
    public String status(String code) {
        return status("Action", code);
    }

    /** The status of a plan, finding, action or follow-up report in words. */
    public String status(String entityType, String code) {
        if (code == null) {
            return null;
        }
        String group = switch (entityType == null ? "" : entityType) {
            case "Plan" -> "actions.plan-status.";
            case "Finding" -> "actions.finding-status.";
            case "FollowUpReport" -> "actions.report-status.";
            default -> "actions.status.";
        };
        return message(group + code, code);
    }

    public String role(String code) {
        return code == null ? null : message("actions.role." + code, code);
    }

    public String event(String eventType) {
        return message("history.event." + eventType, eventType);
    }

    public String field(String name) {
        return message("history.field." + name, name);
    }

    public String kind(String code) {
        return message("history.kind." + code, code);
    }

    public String yesNo(Boolean value) {
        return value == null ? null : message(value ? "actions.yes" : "actions.no", String.valueOf(value));
    }

    /** A schedule date as people write it: a day, a month ("jun 2021"), a quarter ("T1 2023") or a year. */
    public String period(String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return null;
        }
        try {
            if (canonical.length() == 10) {
                return moments.format(LocalDate.parse(canonical));
            }
            if (canonical.length() == 7 && canonical.charAt(4) == '-' && Character.isDigit(canonical.charAt(5))) {
                return DateTimeFormatter.ofPattern("MMM yyyy", locale()).format(YearMonth.parse(canonical));
            }
        } catch (DateTimeParseException notADate) {
            return canonical;
        }
        Matcher quarter = QUARTER.matcher(canonical);
        if (quarter.matches()) {
            return messages.getMessage("actions.quarter", new Object[]{quarter.group(2), quarter.group(1)},
                    canonical, locale());
        }
        return canonical;
    }

    public String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
