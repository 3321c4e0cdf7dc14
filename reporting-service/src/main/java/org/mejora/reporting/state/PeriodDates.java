package org.mejora.reporting.state;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last day of a schedule period: as plan-service's events write it, a day ({@code 2022-01-31}), a month
 * ({@code 2021-06}), a quarter ({@code 2023-T1}) or a year ({@code 2023}); and as the seeds write it, a month
 * ({@code jun-21}, {@code ene-22}) or a quarter ({@code T1-2023}). An action is due at the end of its period.
 */
public final class PeriodDates {

    private static final List<String> MONTHS_ES = List.of("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago",
            "sep", "oct", "nov", "dic");
    private static final List<String> MONTHS_EN = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private PeriodDates() {
    }

    public static Optional<LocalDate> end(String period) {
        if (period == null || period.isBlank()) {
            return Optional.empty();
        }
        String text = period.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(text));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return Optional.of(YearMonth.parse(text).atEndOfMonth());
            }
            if (text.matches("\\d{4}-t[1-4]")) {
                int quarter = text.charAt(6) - '0';
                return Optional.of(YearMonth.of(Integer.parseInt(text.substring(0, 4)), quarter * 3).atEndOfMonth());
            }
            if (text.matches("\\d{4}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(text), 12, 31));
            }
            if (text.matches("t[1-4]-\\d{4}")) {
                int quarter = text.charAt(1) - '0';
                return Optional.of(YearMonth.of(Integer.parseInt(text.substring(3)), quarter * 3).atEndOfMonth());
            }
            if (text.matches("[a-z]{3}-\\d{2}(\\d{2})?")) {
                String month = text.substring(0, 3);
                int index = MONTHS_ES.indexOf(month) >= 0 ? MONTHS_ES.indexOf(month) : MONTHS_EN.indexOf(month);
                if (index < 0) {
                    return Optional.empty();
                }
                String year = text.substring(4);
                int fullYear = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
                return Optional.of(YearMonth.of(fullYear, index + 1).atEndOfMonth());
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
