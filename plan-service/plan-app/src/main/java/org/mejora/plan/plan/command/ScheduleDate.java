package org.mejora.plan.plan.command;

import org.mejora.contract.RuleViolation;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an action starts or ends, as the seeds write it: a day ({@code 2021-09-21}, {@code 21/09/2021},
 * {@code 21sept-21}), a month ({@code jun-21}, {@code ene-22}, {@code 2021-06}), a quarter ({@code T1-2023}) or a
 * year ({@code 2023}). Spanish month abbreviations are read with or without accents, including {@code sept}.
 * A period starts on its first day and ends on its last one: that is what end-before-start and overdue compare.
 *
 * @param first the first day of the period
 * @param last  the last day of the period
 * @param text  the canonical text: {@code 2021-09-21}, {@code 2021-06}, {@code 2023-T1} or {@code 2023}
 */
public record ScheduleDate(LocalDate first, LocalDate last, String text) {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("ene", 1), Map.entry("enero", 1), Map.entry("jan", 1),
            Map.entry("feb", 2), Map.entry("febrero", 2),
            Map.entry("mar", 3), Map.entry("marzo", 3),
            Map.entry("abr", 4), Map.entry("abril", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("mayo", 5),
            Map.entry("jun", 6), Map.entry("junio", 6),
            Map.entry("jul", 7), Map.entry("julio", 7),
            Map.entry("ago", 8), Map.entry("agosto", 8), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("set", 9), Map.entry("septiembre", 9),
            Map.entry("setiembre", 9),
            Map.entry("oct", 10), Map.entry("octubre", 10),
            Map.entry("nov", 11), Map.entry("noviembre", 11),
            Map.entry("dic", 12), Map.entry("diciembre", 12), Map.entry("dec", 12));

    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASH_DAY = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");
    private static final Pattern NAMED_DAY = Pattern.compile("(\\d{1,2})[ -]?(?:de )?([a-z]{3,10})\\.?(?:[ -/]|-de-| de )(\\d{2}|\\d{4})");
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern NAMED_MONTH = Pattern.compile("([a-z]{3,10})\\.?(?:[ -/]|-de-| de )(\\d{2}|\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("t([1-4])[ -/]?(\\d{4})|(\\d{4})[ -/]?t([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /**
     * Reads what a user typed or a spreadsheet holds; null or blank is no date.
     *
     * @throws RuleViolation {@code schedule-date.unreadable} naming {@code field}
     */
    public static ScheduleDate parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String input = normalize(value);
        try {
            Matcher m;
            if ((m = ISO_DAY.matcher(input)).matches()) {
                return day(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
            }
            if ((m = SLASH_DAY.matcher(input)).matches()) {
                return day(LocalDate.of(num(m, 3), num(m, 2), num(m, 1)));
            }
            if ((m = NAMED_DAY.matcher(input)).matches() && MONTHS.containsKey(m.group(2))) {
                return day(LocalDate.of(year(m.group(3)), MONTHS.get(m.group(2)), num(m, 1)));
            }
            if ((m = ISO_MONTH.matcher(input)).matches()) {
                return month(YearMonth.of(num(m, 1), num(m, 2)));
            }
            if ((m = NAMED_MONTH.matcher(input)).matches() && MONTHS.containsKey(m.group(1))) {
                return month(YearMonth.of(year(m.group(2)), MONTHS.get(m.group(1))));
            }
            if ((m = QUARTER.matcher(input)).matches()) {
                int quarter = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
                int year = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
                LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
                return new ScheduleDate(first, first.plusMonths(3).minusDays(1), year + "-T" + quarter);
            }
            if ((m = YEAR.matcher(input)).matches()) {
                int year = num(m, 1);
                return new ScheduleDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), String.valueOf(year));
            }
        } catch (DateTimeException outOfRange) {
            throw RuleViolation.invalid("schedule-date.unreadable", field, field, value);
        }
        throw RuleViolation.invalid("schedule-date.unreadable", field, field, value);
    }

    /** End before start: the end period finishes before the start period begins. */
    public boolean endsBefore(ScheduleDate start) {
        return last.isBefore(start.first);
    }

    private static ScheduleDate day(LocalDate day) {
        return new ScheduleDate(day, day, day.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }

    private static ScheduleDate month(YearMonth month) {
        return new ScheduleDate(month.atDay(1), month.atEndOfMonth(), month.toString());
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** Two-digit years are of this century, as every seed writes them ({@code jun-21} is June 2021). */
    private static int year(String text) {
        int year = Integer.parseInt(text);
        return text.length() == 2 ? 2000 + year : year;
    }

    private static String normalize(String value) {
        String stripped = Normalizer.normalize(value.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return stripped.replaceAll("\\s+", " ");
    }
}
