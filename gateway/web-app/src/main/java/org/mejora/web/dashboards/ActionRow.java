package org.mejora.web.dashboards;

/** One action of the list behind a bar, with the plan it belongs to. */
public record ActionRow(String planId, String planTitle, String actionId, String number, String name, String unit,
                        String status, int percent, String dueDate, boolean overdue) {
}
