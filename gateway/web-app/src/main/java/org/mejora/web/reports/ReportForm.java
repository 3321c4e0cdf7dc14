package org.mejora.web.reports;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sections of a follow-up report (seed 000) as the form sends them; blank sections are left out. */
public record ReportForm(String period, String antecedents, String legalBase, String objective, String conclusions,
                         String recommendations, String preparedBy) {

    static ReportForm of(Map<String, Object> report) {
        return new ReportForm(text(report.get("period")), text(report.get("antecedents")),
                text(report.get("legalBase")), text(report.get("objective")), text(report.get("conclusions")),
                text(report.get("recommendations")), text(report.get("preparedBy")));
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period == null ? "" : period.trim());
        put(body, "antecedents", antecedents);
        put(body, "legalBase", legalBase);
        put(body, "objective", objective);
        put(body, "conclusions", conclusions);
        put(body, "recommendations", recommendations);
        put(body, "preparedBy", preparedBy);
        return body;
    }

    private static void put(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
