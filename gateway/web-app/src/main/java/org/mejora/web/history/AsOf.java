package org.mejora.web.history;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan or action as reporting's time travel shows it ({@code GET /api/reports/plans/{id}/as-of?at=}): its fields
 * as they stood, with the words and the overdue flag of that moment.
 */
public final class AsOf {

    private static final Set<String> OPEN = Set.of("PLANNED", "IN_PROGRESS");

    private AsOf() {
    }

    /** What the picker asked for and how the page names that moment. */
    public record Moment(String pickerValue, String label, String instant) {
    }

    /** One action of the plan at that moment. */
    public record ActionRow(String actionId, String number, String name, String status, String statusCode,
                            int percent, String end, String unit, boolean overdue, Map<String, Object> state) {

        public String label() {
            return PlanIndex.label(number, name);
        }
    }

    public record FindingRow(String findingId, String number, String description, String status,
                             List<ActionRow> actions) {
    }

    static ActionRow action(Map<String, Object> state, Words words, LocalDate day) {
        String status = (String) state.get("status");
        String end = (String) state.get("end");
        boolean overdue = OPEN.contains(status) && lastDay(end) != null && day.isAfter(lastDay(end));
        return new ActionRow((String) state.get("actionId"), text(state.get("number")), text(state.get("name")),
                words.status(status), status, state.get("percent") instanceof Number n ? n.intValue() : 0,
                words.period(end), text(state.get("responsibleUnit")), overdue, state);
    }

    /** The last day of a schedule date (a day, a month {@code 2021-06}, a quarter {@code 2023-T1}, a year). */
    static LocalDate lastDay(String canonical) {
        if (canonical == null) {
            return null;
        }
        try {
            if (canonical.length() == 10) {
                return LocalDate.parse(canonical);
            }
            if (canonical.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(canonical).atEndOfMonth();
            }
            if (canonical.matches("\\d{4}-T[1-4]")) {
                int quarter = canonical.charAt(6) - '0';
                return YearMonth.of(Integer.parseInt(canonical.substring(0, 4)), quarter * 3).atEndOfMonth();
            }
            if (canonical.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(canonical), 12, 31);
            }
        } catch (DateTimeParseException | NumberFormatException unreadable) {
            return null;
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
