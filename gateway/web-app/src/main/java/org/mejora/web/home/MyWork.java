package org.mejora.web.home;

import org.mejora.web.config.CurrentUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What waits on the signed-in user, by role: actions overdue or due within {@link #DUE_SOON_DAYS} days in plans in
 * execution, implemented actions to verify, plans to submit, review, approve or start, and draft reports to sign.
 */
public record MyWork(List<ActionDue> overdue, List<ActionDue> dueSoon, List<ActionDue> toVerify,
              List<Map<String, Object>> toSubmit, List<Map<String, Object>> toReview,
              List<Map<String, Object>> toApprove, List<Map<String, Object>> toStart, List<ReportDue> toSign) {

    static final int DUE_SOON_DAYS = 30;

    public record ActionDue(String planId, String planTitle, Map<String, Object> action) {
    }

    public record ReportDue(String planId, String planTitle, Map<String, Object> report) {
    }

    public int total() {
        return overdue.size() + dueSoon.size() + toVerify.size() + toSubmit.size() + toReview.size()
                + toApprove.size() + toStart.size() + toSign.size();
    }

    /** Sorts the user's plans (each as the API shows it) into what waits on them. */
    @SuppressWarnings("unchecked")
    static MyWork of(CurrentUser me, List<Map<String, Object>> plans, LocalDate today) {
        MyWork work = new MyWork(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        boolean owner = me.has("PLAN_OWNER", "ADMIN", "SERVANT", "SUPERVISOR");
        for (Map<String, Object> plan : plans) {
            String planId = (String) plan.get("planId");
            String title = (String) plan.get("title");
            String status = (String) plan.get("status");
            boolean reviewed = plan.get("reviewedBy") != null;
            if ("DRAFT".equals(status) && me.has("PLAN_OWNER", "ADMIN")) {
                work.toSubmit.add(plan);
            }
            if ("IN_REVIEW".equals(status) && !reviewed && me.has("PLAN_REVIEWER", "ADMIN")) {
                work.toReview.add(plan);
            }
            if ("IN_REVIEW".equals(status) && reviewed && me.has("PLAN_APPROVER", "ADMIN")) {
                work.toApprove.add(plan);
            }
            if ("APPROVED".equals(status) && me.has("PLAN_APPROVER", "ADMIN")) {
                work.toStart.add(plan);
            }
            if (!"IN_EXECUTION".equals(status)) {
                continue;
            }
            for (Map<String, Object> finding : (List<Map<String, Object>>) plan.getOrDefault("findings", List.of())) {
                for (Map<String, Object> action : (List<Map<String, Object>>) finding.getOrDefault("actions",
                        List.of())) {
                    ActionDue due = new ActionDue(planId, title, action);
                    String actionStatus = (String) action.get("status");
                    boolean open = "PLANNED".equals(actionStatus) || "IN_PROGRESS".equals(actionStatus);
                    if (owner && Boolean.TRUE.equals(action.get("overdue"))) {
                        work.overdue.add(due);
                    } else if (owner && open && action.get("dueDate") != null
                            && !LocalDate.parse((String) action.get("dueDate")).isAfter(today.plusDays(DUE_SOON_DAYS))) {
                        work.dueSoon.add(due);
                    }
                    if ("IMPLEMENTED".equals(actionStatus) && me.has("PLAN_REVIEWER", "ADMIN")) {
                        work.toVerify.add(due);
                    }
                }
            }
            if (me.has("PLAN_OWNER", "ADMIN")) {
                for (Map<String, Object> report : (List<Map<String, Object>>) plan.getOrDefault("reports", List.of())) {
                    if ("DRAFT".equals(report.get("status"))) {
                        work.toSign.add(new ReportDue(planId, title, report));
                    }
                }
            }
        }
        return work;
    }
}
