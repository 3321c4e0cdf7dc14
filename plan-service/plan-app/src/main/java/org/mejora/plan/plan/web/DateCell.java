package org.mejora.plan.plan.web;

import org.apache.poi.ss.usermodel.DateUtil;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date cells in the spellings offices use beyond what {@code ScheduleDate} reads, rewritten to one it reads: an
 * Excel serial number left unformatted ({@code 44927}), quarters written {@code 1T-2023}, {@code Q1 2023} or
 * {@code Trimestre 1 2023}, days as {@code 2023/01/15}, {@code 15/01/23} or {@code 15/ene/2023}.
 */
final class DateCell {

    /** Serials from 1954 to 2119: a plain number in a date column outside them is no date. */
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:[.,]0+)?");
    private static final Pattern QUARTER_FIRST = Pattern.compile(
            "(?:t|q|trim|trimestre)\\s*([1-4])\\s*(?:[-/ ]\\s*)?(?:de\\s+|del\\s+)?(\\d{4})");
    private static final Pattern NUMBER_FIRST = Pattern.compile(
            "([1-4])\\s*(?:t|q|er trimestre|o trimestre|trimestre)\\s*(?:[-/ ]\\s*)?(?:de\\s+|del\\s+)?(\\d{4})");
    private static final Pattern YEAR_FIRST_DAY = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern SHORT_YEAR_DAY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2})");
    private static final Pattern SLASHED_NAMED_DAY = Pattern.compile("(\\d{1,2})/(\\p{L}{3,10}\\.?)/(\\d{2,4})");

    private DateCell() {
    }

    static String canonical(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String value = text.strip();
        String lower = HeaderText.normalize(value);
        Matcher m = SERIAL.matcher(value);
        if (m.matches()) {
            int serial = Integer.parseInt(m.group(1));
            if (serial >= 20000 && serial <= 80000) {
                return DateUtil.getLocalDateTime(serial).toLocalDate().toString();
            }
            return value;
        }
        if ((m = QUARTER_FIRST.matcher(lower)).matches() || (m = NUMBER_FIRST.matcher(lower)).matches()) {
            return "T" + m.group(1) + "-" + m.group(2);
        }
        if ((m = YEAR_FIRST_DAY.matcher(value)).matches()) {
            return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        }
        if ((m = SHORT_YEAR_DAY.matcher(value)).matches()) {
            return m.group(1) + "/" + m.group(2) + "/20" + m.group(3);
        }
        if ((m = SLASHED_NAMED_DAY.matcher(value)).matches()) {
            return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        }
        return value;
    }
}
