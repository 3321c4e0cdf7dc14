package org.mejora.web.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people read them in the user's language: days, instants (in the institution's zone) and the schedule
 * dates of actions, which the API gives as canonical text ({@code 2021-09-21}, {@code 2021-06}, {@code 2023-T1},
 * {@code 2023}).
 */
public final class PlanFormats {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-T([1-4])");

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter days;
    private final DateTimeFormatter months;

    PlanFormats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.months = DateTimeFormatter.ofPattern("MMM yyyy", locale);
    }

    public String day(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return null;
        }
        try {
            return days.format(LocalDate.parse(iso.toString()));
        } catch (DateTimeParseException unreadable) {
            return iso.toString();
        }
    }

    public String instant(Object iso) {
        if (iso == null) {
            return null;
        }
        try {
            return days.format(Instant.parse(iso.toString()).atZone(zone).toLocalDate());
        } catch (DateTimeParseException unreadable) {
            return iso.toString();
        }
    }

    /** A schedule date, kept on one line ("T1 2023", "jun 2021") with a no-break space. */
    public String schedule(Object canonical) {
        String text = scheduleText(canonical);
        return text == null ? null : text.replace(' ', '\u00a0');
    }

    private String scheduleText(Object canonical) {
        if (canonical == null || canonical.toString().isBlank()) {
            return null;
        }
        String text = canonical.toString();
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            return ("en".equals(locale.getLanguage()) ? "Q" : "T") + quarter.group(2) + " " + quarter.group(1);
        }
        try {
            if (text.length() == 7) {
                return months.format(YearMonth.parse(text));
            }
            if (text.length() == 10) {
                return days.format(LocalDate.parse(text));
            }
        } catch (DateTimeParseException unreadable) {
            return text;
        }
        return text;
    }
}
