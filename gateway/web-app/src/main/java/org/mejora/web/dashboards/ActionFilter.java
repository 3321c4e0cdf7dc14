package org.mejora.web.dashboards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which actions a bar or slice of the dashboard stands for, decided as reporting counts them: status, progress step
 * (0/25/50/75/100), overdue (plan-service's flag), due within {@link #DUE_SOON_DAYS} days, responsible unit, CAF
 * criterion or evaluation factor ("—" for none), verified compliant or effective.
 */
public record ActionFilter(String planId, String status, Integer progress, String due, String verified, String unit,
                           String criterion, String factor) {

    static final int DUE_SOON_DAYS = 30;
    private static final Set<String> OPEN = Set.of("PLANNED", "IN_PROGRESS");
    /** The verification's two answers, named as the action's fields. */
    private static final Set<String> VERIFIED = Set.of("compliant", "effective");

    @SuppressWarnings("unchecked")
    boolean matches(Map<String, Object> action, Map<String, Object> finding, LocalDate today) {
        Map<String, Object> source = finding.get("source") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        int percent = action.get("percent") instanceof Number n ? n.intValue() : 0;
        return (status == null || status.equals(action.get("status")))
                && (progress == null || progress == Math.min(100, percent / 25 * 25))
                && (due == null || ("overdue".equals(due) ? Boolean.TRUE.equals(action.get("overdue"))
                : dueSoon(action, today)))
                && (verified == null || VERIFIED.contains(verified) && Boolean.TRUE.equals(action.get(verified)))
                && same(unit, action.get("responsibleUnit"))
                && same(criterion, source.get("criterion"))
                && same(factor, source.get("factor"));
    }

    /** The filters in words, for the list's heading. */
    List<String> describe(Texts texts) {
        List<String> words = new ArrayList<>();
        if (status != null) {
            words.add(texts.get("insights.filter.status", texts.status(status)));
        }
        if (progress != null) {
            words.add(texts.get("insights.filter.progress", progress));
        }
        if (due != null) {
            words.add(texts.get("overdue".equals(due) ? "insights.due.overdue" : "insights.due.soon"));
        }
        if (verified != null) {
            words.add(texts.get("insights.filter.verified." + verified));
        }
        if (unit != null) {
            words.add(texts.get("insights.filter.unit", texts.group(unit)));
        }
        if (criterion != null) {
            words.add(texts.get("insights.filter.criterion", texts.group(criterion)));
        }
        if (factor != null) {
            words.add(texts.get("insights.filter.factor", texts.group(factor)));
        }
        return words;
    }

    private static boolean dueSoon(Map<String, Object> action, LocalDate today) {
        if (!OPEN.contains(action.get("status")) || !(action.get("dueDate") instanceof String date)) {
            return false;
        }
        LocalDate due = LocalDate.parse(date);
        return !due.isBefore(today) && !due.isAfter(today.plusDays(DUE_SOON_DAYS));
    }

    /** Reporting puts actions without a value under "—". */
    private static boolean same(String wanted, Object value) {
        if (wanted == null) {
            return true;
        }
        String actual = value == null || value.toString().isBlank() ? "—" : value.toString();
        return wanted.equals(actual);
    }
}
