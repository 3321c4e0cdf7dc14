package org.mejora.web.history;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;

/**
 * Instants as people of the institution read and type them: in its zone (America/Bogota by default), formatted for
 * the user's language. A date-and-time picker sends a local time; links between screens carry the exact instant.
 */
@Component
public class Moments {

    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Clock clock;

    Moments(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** E.g. "1 dic 2026, 17:35:59" or "Dec 1, 2026, 5:35:59 PM". */
    public String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone()).format(instant);
    }

    public String format(LocalDate day) {
        return day == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(day);
    }

    /** The value of an {@code <input type="datetime-local" step="1">} showing this instant. */
    public String pickerValue(Instant instant) {
        return PICKER.format(instant.atZone(zone()).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * What the user asked for: a picker's local date and time (with or without seconds) in the institution's zone,
     * or an instant as links carry it. Null when blank.
     *
     * @throws DateTimeParseException when it is neither
     */
    public Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(value).toInstant();
        }
        return LocalDateTime.parse(value).atZone(zone()).toInstant();
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The last millisecond of the institution's day: a cut "on" a day includes everything done that day. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone()).toInstant().minusMillis(1);
    }
}
