package org.mejora.web.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reporting's plans dashboard ({@code GET /api/reports/dashboards/plans}) as the page shows it: the headline numbers,
 * the charts with their tables and links, and the overdue and due-soon actions.
 */
public record PlanDashboard(String institutionId, String planId, String today, int actions, Number averagePercent,
                            int overdueCount, int verified, List<Chart> charts, List<Map<String, Object>> overdue,
                            List<Map<String, Object>> dueSoon) {

    /** The lifecycle's order (plan-service's action states), rather than the alphabet's. */
    static final List<String> STATUSES =
            List.of("PLANNED", "IN_PROGRESS", "IMPLEMENTED", "CLOSED", "NOT_IMPLEMENTED", "CANCELLED");
    static final List<Integer> PROGRESS = List.of(0, 25, 50, 75, 100);

    public Chart chart(String id) {
        return charts.stream().filter(chart -> chart.id().equals(id)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static PlanDashboard of(Map<String, Object> data, Texts texts, Links links) {
        List<Chart> charts = new ArrayList<>();
        charts.add(byStatus("status", map(data.get("byStatus")), texts, links));
        charts.add(progress(map(data.get("progress")), texts, links));
        List<Map<String, Object>> overdue = (List<Map<String, Object>>) data.getOrDefault("overdue", List.of());
        List<Map<String, Object>> dueSoon = (List<Map<String, Object>>) data.getOrDefault("dueSoon", List.of());
        charts.add(Chart.of("timeliness", "bar", texts.get("insights.chart.timeliness"),
                texts.get("insights.chart.actions"), List.of(
                        new Chart.Row(texts.get("insights.due.overdue"), number(data.get("overdueCount")),
                                links.due("overdue")),
                        new Chart.Row(texts.get("insights.due.soon"), dueSoon.size(), links.due("soon")))));
        charts.add(rates(data, texts, links));
        charts.add(groups("unit", texts.get("insights.chart.unit"), map(data.get("byResponsibleUnit")), texts, links));
        charts.add(groups("criterion", texts.get("insights.chart.criterion"), map(data.get("byCafCriterion")), texts,
                links));
        charts.add(groups("factor", texts.get("insights.chart.factor"), map(data.get("byEvaluationFactor")), texts,
                links));
        return new PlanDashboard((String) data.get("institutionId"), (String) data.get("planId"),
                (String) data.get("today"), number(data.get("actions")).intValue(), number(data.get("averagePercent")),
                number(data.get("overdueCount")).intValue(), number(data.get("verified")).intValue(), charts, overdue,
                dueSoon);
    }

    /** Actions by status, the statuses in their lifecycle's order (any other one after them). */
    static Chart byStatus(String id, Map<String, Object> counts, Texts texts, Links links) {
        Set<String> order = new LinkedHashSet<>(STATUSES);
        order.addAll(counts.keySet());
        List<Chart.Row> rows = order.stream().filter(counts::containsKey)
                .map(status -> new Chart.Row(texts.status(status), number(counts.get(status)),
                        links.list("status", status)))
                .toList();
        return new Chart(id, "status", "doughnut", texts.get("insights.chart.status"), false,
                List.of(texts.get("insights.chart.actions")), List.of(), rows);
    }

    private static Chart progress(Map<String, Object> buckets, Texts texts, Links links) {
        return Chart.of("progress", "bar", texts.get("insights.chart.progress"), texts.get("insights.chart.actions"),
                PROGRESS.stream().map(bucket -> new Chart.Row(bucket + " %", number(buckets.get(String.valueOf(bucket))),
                        links.list("progress", bucket))).toList());
    }

    /** Compliance and effectiveness among the verified actions, in percent; no bars before any verification. */
    private static Chart rates(Map<String, Object> data, Texts texts, Links links) {
        List<Chart.Row> rows = new ArrayList<>();
        if (number(data.get("verified")).intValue() > 0) {
            rows.add(new Chart.Row(texts.get("insights.rate.compliance"), percent(data.get("complianceRate")),
                    links.list("verified", "compliant")));
            rows.add(new Chart.Row(texts.get("insights.rate.effectiveness"), percent(data.get("effectivenessRate")),
                    links.list("verified", "effective")));
        }
        return Chart.of("rates", "bar", texts.get("insights.chart.rates"), texts.get("insights.chart.percent"), rows);
    }

    /** Per responsible unit, CAF criterion or evaluation factor: actions and overdue drawn, the rest in the table. */
    private static Chart groups(String id, String title, Map<String, Object> groups, Texts texts, Links links) {
        List<Chart.Row> rows = new ArrayList<>();
        groups.forEach((name, value) -> {
            Map<String, Object> group = map(value);
            rows.add(new Chart.Row(texts.group(name),
                    List.of(number(group.get("actions")), number(group.get("overdueCount"))),
                    List.of(group.get("averagePercent") + " %", rateText(group.get("complianceRate"), texts),
                            rateText(group.get("effectivenessRate"), texts)),
                    number(group.get("actions")).intValue() == 0 ? null : links.list(id, name)));
        });
        // A dashboard without CAF criteria (or factors) groups every action under "—": nothing to compare.
        boolean onlyNone = groups.size() == 1 && groups.containsKey("—");
        return new Chart(id, id, "bar", title, true,
                List.of(texts.get("insights.chart.actions"), texts.get("insights.due.overdue")),
                List.of(texts.get("insights.col.average"), texts.get("insights.rate.compliance"),
                        texts.get("insights.rate.effectiveness")),
                onlyNone && !"unit".equals(id) ? List.of() : rows);
    }

    private static String rateText(Object rate, Texts texts) {
        return rate == null ? texts.get("insights.rate.none") : percent(rate) + " %";
    }

    /** A rate of reporting (0..1, four decimals) as a percentage with one decimal. */
    static BigDecimal percent(Object rate) {
        return rate == null ? null
                : new BigDecimal(rate.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
