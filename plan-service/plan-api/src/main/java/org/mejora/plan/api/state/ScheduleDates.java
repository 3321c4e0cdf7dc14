package org.mejora.plan.api.state;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical text of a schedule date as events carry it ({@code 2021-09-21}, {@code 2021-06}, {@code 2023-T1},
 * {@code 2023}; see {@link org.mejora.plan.api.ActionDetails}) read back as the last day of its period: what overdue
 * is decided against.
 */
public final class ScheduleDates {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-T([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private ScheduleDates() {
    }

    /** Null when there is no date, or none in canonical form (plan-service writes only canonical ones). */
    public static LocalDate lastDay(String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return null;
        }
        Matcher m;
        if ((m = DAY.matcher(canonical)).matches()) {
            return LocalDate.parse(canonical);
        }
        if ((m = MONTH.matcher(canonical)).matches()) {
            return YearMonth.of(num(m, 1), num(m, 2)).atEndOfMonth();
        }
        if ((m = QUARTER.matcher(canonical)).matches()) {
            return YearMonth.of(num(m, 1), num(m, 2) * 3).atEndOfMonth();
        }
        if ((m = YEAR.matcher(canonical)).matches()) {
            return LocalDate.of(num(m, 1), 12, 31);
        }
        return null;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
